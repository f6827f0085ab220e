// The helpers every message goes through: quoting a user's value, and "did you mean".
#include <catch2/catch.hpp>

#include "text/quote.hpp"
#include "text/suggest.hpp"

using sla::detail::closest;
using sla::detail::did_you_mean;
using sla::detail::edit_distance;
using sla::detail::quote_value;

TEST_CASE("text: a quoted value shows at most 40 characters and escapes what would break the line", "[text]") {
  CHECK(quote_value("08:00-18:00") == "\"08:00-18:00\"");
  CHECK(quote_value(std::string(100, 'x')) == "\"" + std::string(40, 'x') + "…\"");
  CHECK(quote_value("a\nb\t\"c\"") == "\"a\\nb\\t\\\"c\\\"\"");
  CHECK(quote_value(std::string("\x01", 1)) == "\"\\x01\"");
  // Characters are counted, not bytes: 40 two-byte letters are shown whole.
  std::string umlauts;
  for (int i = 0; i < 40; ++i) umlauts += "\xc3\xa4";
  CHECK(quote_value(umlauts) == "\"" + umlauts + "\"");
}

TEST_CASE("text: edit distance counts an adjacent swap as one edit", "[text]") {
  CHECK(edit_distance("resolutoin", "resolution") == 1);  // "oi" ↔ "io"
  CHECK(edit_distance("respnded", "responded") == 1);     // one letter missing
  CHECK(edit_distance("Waiting", "waiting") == 0);        // case does not count
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("text: did you mean names a close known name, and nothing for a far one", "[text]") {
  const std::vector<std::string> targets{"response", "resolution", "update"};
  CHECK(did_you_mean("resolutoin", targets) == "did you mean `resolution`?");
  CHECK(did_you_mean("updte", targets) == "did you mean `update`?");
  CHECK(did_you_mean("escalation", targets).empty());
  CHECK_FALSE(closest("response", targets));  // a known name is no typo
  // Short names allow one edit only: "thurs" is two from "thu", but "thr" is one.
  const std::vector<std::string> days{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  CHECK(closest("thr", days) == std::optional<std::string>("thu"));
  CHECK(closest("thurs", days) == std::optional<std::string>("thu"));  // five letters: two edits
  CHECK_FALSE(closest("xyz", days));
}
