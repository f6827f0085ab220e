// Building ticket histories in tests: a seed policy by file name, events by RFC 3339 text, and
// the target of an evaluation by name (a missing target fails the test).
#pragma once

#include <catch2/catch.hpp>

#include <sla/ticket.hpp>

#include <map>
#include <string>

namespace ticket_test {

inline const sla::policy& seed(const char* name) {
  static std::map<std::string, sla::policy> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end()) it = loaded.emplace(name, sla::policy::load(std::string(SLA_SOURCE_DIR "/policies/") + name)).first;
  return it->second;
}

struct history {
  const sla::policy& p;
  sla::ticket t{"T"};
  history& created(const char* at, const char* type, const char* severity, const char* plan = "", const char* zone = "") {
    sla::ticket_event e;
    e.at = sla::parse_instant(at);
    e.kind = sla::event_kind::created;
    e.type = type;
    e.severity = severity;
    e.plan = plan;
    e.timezone = zone;
    t.append(e, &p);
    return *this;
  }
  history& add(const char* at, sla::event_kind kind, const char* value = "") {
    sla::ticket_event e;
    e.at = sla::parse_instant(at);
    e.kind = kind;
    if (kind == sla::event_kind::status) e.status = value;
    if (kind == sla::event_kind::severity) e.severity = value;
    t.append(e, &p);
    return *this;
  }
  sla::ticket_evaluation at(const char* now) const { return sla::evaluate(p, t, sla::parse_instant(now)); }
  // The same through the incremental tracker, which must agree.
  sla::ticket_evaluation tracked_at(const char* now) const {
    sla::ticket_tracker tracker(p, t.id());
    for (const auto& e : t.events()) tracker.append(e);
    return tracker.evaluate(sla::parse_instant(now));
  }
};

inline const sla::target_status& target(const sla::ticket_evaluation& ev, std::string_view name) {
  for (const auto& s : ev.targets)
    if (s.name == name) return s;
  FAIL("no target " << name);
  throw;
}

inline std::string text(const std::optional<sla::instant>& t) { return t ? sla::format_instant(*t) : "none"; }

inline long long counted_seconds(const std::vector<sla::explained_segment>& segments) {
  long long total = 0;
  for (const auto& s : segments)
    if (s.counted) total += (s.end - s.start).count();
  return total;
}

}  // namespace ticket_test
