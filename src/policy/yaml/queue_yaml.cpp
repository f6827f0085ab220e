// The `queue:` section: request types in service order and the tie-breaks within a type.
#include <fmt/format.h>

#include "policy/yaml/loader.hpp"
#include "text/quote.hpp"

namespace sla::detail {

void policy_loader::queue(const yaml_entry& e) {
  auto m = r_.map(e, {"categories", "tie_breaks"}, "queue rules");
  if (!m) return;
  if (const auto* categories = m->find("categories"))
    if (auto list = r_.names(*categories, "request types"))
      for (const auto& t : *list) {
        if (!contains(d_->types, t)) report_unknown(r_, *categories, "type", t, d_->types);
        d_->queue.category_order.push_back(t);
      }
  const auto* ties = m->find("tie_breaks");
  if (!ties) return;
  auto items = r_.list(*ties, "a list of tie-breaks");
  if (!items) return;
  for (const auto& item : *items) {
    auto fields = r_.map(item, {"field", "order", "types"}, "a tie-break");
    if (!fields) continue;
    queue_rules::tie_break t;
    if (const auto* field = fields->find("field")) {
      if (auto f = r_.scalar(*field, "users_affected or created")) {
        if (*f != "users_affected" && *f != "created") report_unknown(r_, *field, "field", *f, {"users_affected", "created"});
        t.field = *f;
      }
    } else {
      r_.missing(*fields, "field", "users_affected or created");
    }
    if (const auto* order = fields->find("order"))
      if (auto o = r_.scalar(*order, "asc or desc")) {
        if (*o != "asc" && *o != "desc") r_.error(*order, fmt::format("{} is not an order", quote_value(*o)), "expected asc or desc");
        t.descending = *o == "desc";
      }
    t.types = dimension(fields->find("types"), d_->types, "type");
    d_->queue.tie_breaks.push_back(std::move(t));
  }
}

}  // namespace sla::detail
