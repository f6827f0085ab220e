// "Did you mean …?": the known name closest to a mistyped one, by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla::detail {

// The Damerau–Levenshtein distance (adjacent transpositions count one), case-insensitive.
// Example: edit_distance("resolutoin", "resolution") == 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a typo of it: at most one edit
// for names of up to four letters, two up to eight, three beyond; ties go to the first listed.
// std::nullopt when none is that close or `word` is itself a candidate.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean `resolution`?" for closest(), or "" when there is none.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sla::detail
