// sla-check --policy FILE --now TIME [--format jsonl|table|summary] [--queue] [--threads N] [EVENTS…]
// Evaluates ticket histories against a policy. Events come as JSON Lines or CSV (see
// common/event_reader.hpp) from the files given, or standard input; they are grouped by ticket,
// taken in time order (same-time events in input order, `created` first) and evaluated at --now.
//   jsonl (default): one line per ticket (common/evaluation_json.hpp)
//     {"ticket": "T-1", "type": …, "severity": …, "plan": …, "targets": [{"name": "response",
//      "calendar": …, "amount": "15m", "state": "met", "deadline": "…Z", "met_at": "…Z",
//      "breached_at": null, "target_seconds": 900, "accrued_seconds": 600, "remaining_seconds": 300,
//      "percent": 66.7, "warnings": [], "escalation": null, "cycles": 1}, …], "next_change": "…Z"}
//   table: aligned columns for people, deadlines in the target calendar's local time;
//   summary: met / breached / running / paused / cancelled / not_applicable per target and severity;
//   --queue: the open tickets in service order instead.
// Output order, whatever the number of threads: the error lines first, in input order, then one
// line per ticket in the order of the line that first named it.
// A line that cannot be read, or an event the ticket's history rejects, gives an error line
// ({"line": N, "error": "…"} on stdout in jsonl; "line N: …" on stderr otherwise) and the run
// goes on. At the end stderr reads `lines=L events=E tickets=T errors=X`, with L == E + X.
// Exit status: 0 all lines used, 1 some lines rejected, 2 could not run.
//
// How it streams (README "sla-check at scale"): lines are read in batches of ~4 MB and parsed on
// every thread, in chunks taken by whichever thread is free (simdjson On-Demand, names resolved
// against the policy once); each ticket belongs to one thread by a hash of its id, which keeps
// its history as compact bytes (ticket_store.hpp), and spills the history of a ticket whose last
// event can end its clocks to a temporary file. At the end every ticket's history is put in time
// order, checked, and evaluated, in rounds that keep the output in first-seen order. With fewer
// threads than cores, the next batch is read and the last round written on another core.
#include <sla/sla.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <functional>
#include <future>
#include <map>
#include <thread>
#include <unordered_map>
#include <unistd.h>

#include "common/cli.hpp"
#include "common/csv.hpp"
#include "common/evaluation_json.hpp"
#include "common/event_reader.hpp"
#include "common/json_text.hpp"
#include "common/output_buffer.hpp"
#include "common/text.hpp"
#include "sla-check/input_batches.hpp"
#include "sla-check/ticket_store.hpp"

namespace {

using sla_check::held_event;
using sla_check::input_batch;
using sla_check::ticket_store;
using sla_examples::json_instant;
using sla_examples::json_quote;
using sla_examples::duration_text;

// Wall time spent in each phase, for --stats.
struct phase_times {
  enum phase { read, parse, dispatch, check, evaluate, write, count };
  double seconds[count] = {};
  std::chrono::steady_clock::time_point since = std::chrono::steady_clock::now();
  void lap(phase p) {
    auto now = std::chrono::steady_clock::now();
    seconds[p] += std::chrono::duration<double>(now - since).count();
    since = now;
  }
};
phase_times phases;

struct line_error {
  std::uint64_t seq = 0;  // input order
  std::string message;
};

// Runs f(0) … f(n-1) on n threads (the calling thread is the first); an exception from any of
// them is thrown here once all have ended.
void on_threads(unsigned n, const std::function<void(unsigned)>& f) {
  if (n <= 1) return f(0);
  std::vector<std::exception_ptr> failed(n);
  auto run = [&](unsigned i) {
    try {
      f(i);
    } catch (...) {
      failed[i] = std::current_exception();
    }
  };
  std::vector<std::thread> others;
  for (unsigned i = 1; i < n; ++i) others.emplace_back(run, i);
  run(0);
  for (auto& t : others) t.join();
  for (auto& e : failed)
    if (e) std::rethrow_exception(e);
}

std::uint32_t hash_id(std::string_view id) {  // FNV-1a
  std::uint32_t h = 2166136261u;
  for (unsigned char c : id) h = (h ^ c) * 16777619u;
  return h;
}

// The thread that owns a ticket, from the high bits of its id's hash (the low bits place it in
// the owner's table).
unsigned owner_of(std::uint32_t hash, unsigned threads) {
  return static_cast<unsigned>((std::uint64_t{hash} * threads) >> 32);
}

// An event line of a batch, parsed, on its way to the thread that owns its ticket.
struct parsed_line {
  std::uint32_t hash = 0;          // of the ticket id
  std::uint32_t message = 0;       // rejected: the reason, in the parser's messages
  std::uint8_t parsed_by = 0;      // the worker whose arena and messages hold its strings
  // The ticket id, and a created event's zone and country, in the parser's arena.
  std::uint16_t ticket_length = 0, zone_length = 0, country_length = 0;
  std::uint32_t ticket_at = 0;
  held_event event;                // seq: the line's place in the input
};

// What a ticket's line can do to its memory: an event that can end its clocks makes it a
// candidate for spilling.
struct ending_events {
  std::vector<std::uint8_t> status;  // per status index
  bool ends(const sla::resolved_event& e) const {
    switch (e.kind) {
      case sla::event_kind::resolved:
      case sla::event_kind::closed:
      case sla::event_kind::cancelled: return true;
      case sla::event_kind::status: return e.name < status.size() && status[e.name];
      default: return false;
    }
  }
};

ending_events ending_events_of(const sla::policy& p) {
  ending_events out;
  out.status.assign(p.statuses().size(), 0);
  auto mark = [&](const std::vector<std::string>& names) {
    for (const auto& n : names)
      for (std::size_t i = 0; i < p.statuses().size(); ++i)
        if (p.statuses()[i] == n) out.status[i] = 1;
  };
  for (const auto& d : p.clock_definitions()) {
    mark(d.meet_statuses);
    mark(d.cancel_statuses);
  }
  mark(p.clock().cancel_statuses);
  return out;
}

// A ticket's history as the policy reads it: in time order (same-time events in input order,
// `created` first), with the events its history rejects reported.
struct checked_history {
  std::vector<sla::resolved_event> events;
  std::uint32_t zone = 0, country = 0;
  std::optional<long long> users_affected;
};

void check_history(const ticket_store& store, std::uint32_t index, std::vector<held_event>& held, checked_history& out,
                   std::vector<line_error>* errors) {
  const ticket_store::ticket& t = store.at(index);
  out.events.clear();
  auto keep = [&](const held_event& e) {
    if (e.event.kind == sla::event_kind::created) {
      out.zone = e.zone;
      out.country = e.country;
      out.users_affected = e.users_affected;
    }
    out.events.push_back(e.event);
  };
  if (!t.needs_check) {  // created first, in time order, nothing rejected: every event is kept
    store.for_each_event(index, keep);
    return;
  }
  store.history(index, held);
  auto before = [](const held_event& a, const held_event& b) {
    if (a.event.at != b.event.at) return a.event.at < b.event.at;
    return a.event.kind == sla::event_kind::created && b.event.kind != sla::event_kind::created;
  };
  std::stable_sort(held.begin(), held.end(), before);
  std::optional<sla::instant> created;
  for (const held_event& e : held) {
    if (auto why = sla::history_rejects(created, e.event.kind, e.event.at)) {
      if (errors) errors->push_back({e.seq, sla::event_error_message(t.id, e.event.kind, e.event.at, *why)});
      continue;
    }
    if (e.rejected) {
      if (errors) errors->push_back({e.seq, store.message(*e.rejected)});
      continue;
    }
    if (e.event.kind == sla::event_kind::created) created = e.event.at;
    keep(e);
  }
}

// The policy a ticket is evaluated on: bound to its zone and country when a calendar takes them
// (policy::for_tenant), so that evaluation takes no lock. One per thread, with that thread's
// store: a ticket's zone and country are the store's string indices (0: none).
class tenant_policies {
 public:
  explicit tenant_policies(const sla::policy& p) : base_(p) {
    for (const auto& c : p.calendars()) binds_ = binds_ || c.tenant_timezone || c.holidays_by_country;
    if (!binds_) return;
    // A ticket without a country of its own takes its region's (region index: region_names()).
    for (const auto& r : p.region_names()) region_country_.push_back(p.country_of_region(r));
    if (region_country_.empty()) region_country_.push_back(p.country_of_region({}));
  }
  const sla::policy& get(const ticket_store& store, std::uint32_t zone, std::uint32_t country, std::uint16_t region) {
    if (!binds_) return base_;
    const std::uint64_t key = (std::uint64_t{zone} << 32) | (country ? country : 0x80000000u | region);
    auto it = bound_.find(key);
    if (it == bound_.end()) {
      const std::string& own = country ? store.string(country) : region_country_.at(region);
      it = bound_.emplace(key, base_.for_tenant(store.string(zone), own)).first;
    }
    return it->second;
  }

 private:
  const sla::policy& base_;
  bool binds_ = false;
  std::vector<std::string> region_country_;
  std::unordered_map<std::uint64_t, sla::policy> bound_;
};

// A resolved history as a ticket of names again (for the queue).
sla::ticket as_ticket(const sla::policy& p, std::string_view id, const checked_history& h, const ticket_store& store) {
  sla::ticket t{std::string(id)};
  auto name = [](const std::vector<std::string>& list, std::size_t i) { return list.empty() ? std::string() : list[i]; };
  for (const auto& r : h.events) {
    sla::ticket_event e;
    e.at = r.at;
    e.kind = r.kind;
    switch (r.kind) {
      case sla::event_kind::created:
        e.type = name(p.types(), r.type);
        e.severity = name(p.severities(), r.severity);
        e.plan = name(p.plans(), r.plan);
        e.region = name(p.region_names(), r.region);
        e.timezone = store.string(h.zone);
        e.country = store.string(h.country);
        e.users_affected = h.users_affected;
        break;
      case sla::event_kind::status: e.status = p.statuses()[r.name]; break;
      case sla::event_kind::custom: e.name = p.events()[r.name]; break;
      case sla::event_kind::type: e.type = p.types()[r.type]; break;
      case sla::event_kind::severity: e.severity = p.severities()[r.severity]; break;
      case sla::event_kind::plan: e.plan = p.plans()[r.plan]; break;
      case sla::event_kind::region: e.region = p.region_names()[r.region]; break;
      default: break;
    }
    t.append(e);
  }
  return t;
}

// One worker's share of the run: its parser, and the tickets it owns.
struct worker {
  explicit worker(bool spill) : store(spill) {}
  simdjson::ondemand::parser parser;
  sla::ticket_event event;  // reused for every line, keeping its strings' storage
  std::string ticket;
  std::string arena;  // ticket ids, zones and countries of the batch's lines it parsed
  ticket_store store;
  long accepted = 0;

  std::vector<std::string> messages;  // the reasons for rejecting events of the batch's lines it parsed
  // Where the event lines it parses go: per owning thread, in input order (one chunk's lists).
  std::vector<std::vector<parsed_line>>* for_owner = nullptr;
  std::vector<line_error> line_errors;  // the batch's lines it parsed that cannot be read

  void start_batch() {
    arena.clear();
    messages.clear();
    line_errors.clear();
  }
  // The event in `event` and `ticket`, of the line at `seq`: resolved against the policy, or
  // rejected with the reason; its strings kept in the arena; listed for its owner.
  void keep(const sla::policy& p, unsigned me, unsigned threads, std::uint64_t seq) {
    if (ticket.size() > 0xffff || event.timezone.size() > 0xffff || event.country.size() > 0xffff)
      return line_errors.push_back({seq, "ticket, timezone or country longer than 65535 bytes"});
    const std::uint32_t hash = hash_id(ticket);
    parsed_line& out = (*for_owner)[owner_of(hash, threads)].emplace_back();
    out.hash = hash;
    out.parsed_by = static_cast<std::uint8_t>(me);
    out.event.seq = seq;
    try {
      out.event.event = sla::resolve_event(p, event, ticket);
    } catch (const sla::error& bad) {
      out.event.rejected = 0;
      out.message = static_cast<std::uint32_t>(messages.size());
      messages.push_back(bad.message());
      out.event.event.kind = event.kind;
      out.event.event.at = event.at;
    }
    out.event.users_affected = event.users_affected;
    out.ticket_at = static_cast<std::uint32_t>(arena.size());
    out.ticket_length = static_cast<std::uint16_t>(ticket.size());
    out.zone_length = static_cast<std::uint16_t>(event.timezone.size());
    out.country_length = static_cast<std::uint16_t>(event.country.size());
    arena += ticket;
    arena += event.timezone;
    arena += event.country;
  }
  // One line: JSON, or (csv_header: the CSV header in force, updated by a header line) CSV.
  // False for a CSV header, which is not an event line.
  bool read_line(const sla::policy& p, unsigned me, unsigned threads, const char* text, std::size_t length,
                 std::uint64_t seq, std::vector<std::string>* csv_header) {
    std::string why;
    std::size_t first = 0;
    while (text[first] == ' ' || text[first] == '\t') ++first;  // the reader drops blank lines
    if (text[first] == '{') {
      sla_examples::detail::clear_event(event, ticket);
      if (sla_examples::detail::parse_json(parser, text, length, event, ticket, &why)) keep(p, me, threads, seq);
      else line_errors.push_back({seq, std::move(why)});
      return true;
    }
    std::string line(text, length);
    auto cells = sla_examples::split_csv(line);
    if (sla_examples::is_csv_header(cells)) {  // the first header, or a new one (CSV files one after another)
      *csv_header = std::move(cells);
      return false;
    }
    if (csv_header->empty()) {
      line_errors.push_back({seq, "expected a JSON object, or a CSV header such as ticket,at,event,type,severity,status"});
      return true;
    }
    sla_examples::event_line e;
    if (!sla_examples::detail::parse_csv(*csv_header, line, e, &why)) {
      line_errors.push_back({seq, std::move(why)});
      return true;
    }
    event = std::move(e.event);
    ticket = std::move(e.ticket);
    keep(p, me, threads, seq);
    return true;
  }
  std::string_view ticket_of(const parsed_line& l) const { return {arena.data() + l.ticket_at, l.ticket_length}; }
  std::string_view zone_of(const parsed_line& l) const {
    return {arena.data() + l.ticket_at + l.ticket_length, l.zone_length};
  }
  std::string_view country_of(const parsed_line& l) const {
    return {arena.data() + l.ticket_at + l.ticket_length + l.zone_length, l.country_length};
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"Evaluate ticket histories against a support policy"};
  app.footer(std::string(sla_examples::event_input_help) +
             "\n\nOutput (jsonl): one line per ticket with each target's state (running, paused, met, breached,\n"
             "cancelled, not_applicable), deadline, met_at, breached_at, target/accrued/remaining seconds, percent,\n"
             "warnings, escalation and cycles, and the ticket's next_change; an input line that cannot be used\n"
             "gives {\"line\": N, \"error\": \"...\"}. Error lines come first, in input order, then the tickets in the\n"
             "order of their first line, whatever --threads is. stderr ends with lines=L events=E tickets=T errors=X.\n"
             "Memory: about 200 bytes per open ticket of 10 events; finished tickets wait in a temporary\n"
             "file (in $TMPDIR, else /tmp).\n"
             "Exit status: 0 all lines used, 1 some lines rejected, 2 could not run.");
  std::string policy_file, now_text, format = "jsonl";
  std::vector<std::string> files;
  bool queue = false, stats = false;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  app.add_option("--policy", policy_file, "policy file (YAML)")->required();
  app.add_option("--now", now_text, "the instant to evaluate at, RFC 3339")->required();
  app.add_option("--format", format, "jsonl, table or summary")->check(CLI::IsMember({"jsonl", "table", "summary"}));
  app.add_flag("--queue", queue, "print the open tickets in service order");
  app.add_option("--threads", threads, "threads to parse and evaluate on (default: all cores)")->check(CLI::Range(1u, 256u));
  app.add_flag("--stats", stats, "print to stderr how the tickets were held: in memory, spilled, read back");
  app.add_option("events", files, "event files (JSON Lines or CSV; - is standard input); standard input when none");
  sla_examples::add_version(app, "sla-check");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::optional<sla::policy> loaded;
  sla::instant now;
  try {
    loaded = sla::policy::load(policy_file);
    now = sla::parse_instant(now_text);
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-check: {}{}\n", loaded ? "--now: " : "", e.what());
    return 2;
  }
  const sla::policy& policy = *loaded;
  const ending_events ending = ending_events_of(policy);
  if (files.empty()) files.push_back("-");

  // ---- Reading: batches of lines, parsed on every thread, handed to the owners ---------------
  // The workers parse a batch of JSON lines in chunks, each taken by whichever is free, listing
  // each chunk's events for the thread that owns their ticket (a batch with CSV in it is read in
  // order on this thread: a CSV header changes how the rows after it read); then each worker
  // takes the lines of its tickets from every chunk's list, in input order. On a spare core the
  // next batch is read meanwhile.
  std::vector<std::unique_ptr<worker>> workers;
  for (unsigned i = 0; i < threads; ++i) workers.push_back(std::make_unique<worker>(!queue));
  std::vector<line_error> errors;  // reader errors, then the histories' rejections
  long lines = 0;
  sla_check::input_reader reader(files);
  bool read_ahead = false;
  input_batch batches[2];
  std::vector<std::string> csv_header;
  constexpr std::uint32_t chunk_lines = 1024;
  std::vector<std::vector<std::vector<parsed_line>>> chunks;  // per chunk of a batch, per owner
  const bool show_progress = isatty(2);
  try {
    // On a spare core the next batch is read while this one is worked on; without one, a reading
    // thread would only hold up the workers (each phase waits for its slowest worker).
    read_ahead = threads < std::thread::hardware_concurrency();
    std::future<bool> ahead = std::async(read_ahead ? std::launch::async : std::launch::deferred,
                                         [&reader, &first = batches[0]] { return reader.next(first); });
    for (unsigned b = 0;; b ^= 1) {
      if (!ahead.get()) break;
      phases.lap(phase_times::read);
      input_batch& batch = batches[b];
      ahead = std::async(read_ahead ? std::launch::async : std::launch::deferred, [&reader, &next = batches[b ^ 1]] { return reader.next(next); });
      for (auto& w : workers) w->start_batch();
      const std::uint32_t count = static_cast<std::uint32_t>(batch.lines.size());
      // The batch in chunks of lines, taken by whichever worker is free (a worker the reading
      // thread holds up does fewer); each chunk's events listed per owner.
      const std::uint32_t chunk_count = batch.all_json ? (count + chunk_lines - 1) / chunk_lines : 1;
      if (chunks.size() < chunk_count) chunks.resize(chunk_count);
      for (std::uint32_t c = 0; c < chunk_count; ++c) {
        chunks[c].resize(threads);
        for (auto& list : chunks[c]) list.clear();
      }
      if (batch.all_json) {
        std::vector<std::string>* no_csv = nullptr;  // every line is JSON
        std::atomic<std::uint32_t> next_chunk{0};
        on_threads(threads, [&](unsigned w) {
          worker& me = *workers[w];
          for (std::uint32_t c; (c = next_chunk.fetch_add(1, std::memory_order_relaxed)) < chunk_count;) {
            me.for_owner = &chunks[c];
            for (std::uint32_t k = c * chunk_lines, end = std::min(count, k + chunk_lines); k < end; ++k) {
              const auto& l = batch.lines[k];
              me.read_line(policy, w, threads, batch.text.data() + l.offset, l.length, l.seq(), no_csv);
            }
          }
        });
        lines += count;
      } else {
        // CSV: in order on this thread (a header changes how the rows after it read).
        workers[0]->for_owner = &chunks[0];
        for (const auto& l : batch.lines)
          if (workers[0]->read_line(policy, 0, threads, batch.text.data() + l.offset, l.length, l.seq(), &csv_header)) ++lines;
      }
      for (auto& w : workers)
        errors.insert(errors.end(), std::make_move_iterator(w->line_errors.begin()), std::make_move_iterator(w->line_errors.end()));
      phases.lap(phase_times::parse);

      // Hand each line to the thread that owns its ticket, in input order.
      on_threads(threads, [&](unsigned w) {
        worker& me = *workers[w];
        // Tickets are spread over a large table: fetch ahead what the next lines will touch.
        constexpr std::size_t slot_ahead = 16, ticket_ahead = 8;
        for (std::uint32_t c = 0; c < chunk_count; ++c) {
          const std::vector<parsed_line>& mine = chunks[c][w];
          for (std::size_t m = 0; m < mine.size(); ++m) {
            if (m + slot_ahead < mine.size()) me.store.prefetch_slot(mine[m + slot_ahead].hash);
            if (m + ticket_ahead < mine.size()) me.store.prefetch_ticket(mine[m + ticket_ahead].hash);
            const parsed_line& p = mine[m];
            const worker& parser = *workers[p.parsed_by];
            std::uint32_t t = me.store.find_or_add(parser.ticket_of(p), p.hash, p.event.seq);
            held_event e = p.event;
            if (e.rejected) e.rejected = me.store.add_message(parser.messages[p.message]);
            ticket_store::ticket& rec = me.store.at(t);
            const bool created = e.event.kind == sla::event_kind::created;
            if (created && !e.rejected) {
              e.zone = me.store.intern(parser.zone_of(p));
              e.country = me.store.intern(parser.country_of(p));
            }
            // Anything but a clean history in time order is sorted and checked at the end.
            if (e.rejected || (created ? rec.events > 0 : !rec.has_created) || e.event.at.time_since_epoch().count() < rec.last_at)
              rec.needs_check = true;
            if (created && !e.rejected) rec.has_created = true;
            me.store.append(t, e);
            if (me.store.spill_enabled() && !e.rejected && ending.ends(e.event)) me.store.spill(t);
          }
        }
      });
      phases.lap(phase_times::dispatch);
      if (show_progress && lines >= 100000) fmt::print(stderr, "\rread {} lines", lines);
    }
  } catch (const sla::error& e) {
    fmt::print(stderr, "{}sla-check: {}\n", show_progress && lines >= 100000 ? "\n" : "", e.what());
    return 2;
  }
  if (show_progress && lines >= 100000) fmt::print(stderr, "\n");

  if (stats) {
    std::uint64_t tickets = 0, spills = 0, reloads = 0, bytes = 0, file_bytes = 0;
    for (const auto& w : workers) {
      tickets += w->store.size();
      spills += w->store.spills();
      reloads += w->store.reloads();
      bytes += w->store.memory_bytes();
      file_bytes += w->store.spill_file_bytes();
    }
    fmt::print(stderr, "stats: threads={} tickets={} spilled={} read_back={} store_bytes={} spill_file_bytes={}\n", threads,
               tickets, spills, reloads, bytes, file_bytes);
  }

  // ---- Checking: histories put in time order, the events they reject reported ----------------
  std::vector<std::vector<line_error>> rejected(threads);
  on_threads(threads, [&](unsigned w) {
    worker& me = *workers[w];
    std::vector<held_event> held;
    checked_history h;
    for (std::uint32_t t = 0; t < me.store.size(); ++t) {
      const auto& rec = me.store.at(t);
      if (!rec.needs_check) {
        me.accepted += rec.events;
        continue;
      }
      check_history(me.store, t, held, h, &rejected[w]);
      me.accepted += static_cast<long>(h.events.size());
    }
  });
  phases.lap(phase_times::check);
  long accepted = 0;
  for (auto& w : workers) accepted += w->accepted;
  for (auto& r : rejected) errors.insert(errors.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
  std::sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });

  // Output: through one buffer; a reader that goes away (`sla-check … | head`) ends the program
  // quietly, any other write failure is an error (exit status 2).
  sla_examples::output_buffer out;
  int exit_status = errors.empty() ? 0 : 1;
  try {
    const auto& file_names = reader.file_names();
    for (const auto& e : errors) {
      std::size_t file = static_cast<std::size_t>(e.seq >> 40);
      long line = static_cast<long>(e.seq & ((std::uint64_t{1} << 40) - 1));
      if (format == "jsonl" && !queue)
        out.line(file_names.size() > 1
                     ? fmt::format("{{\"file\": {}, \"line\": {}, \"error\": {}}}", json_quote(file_names[file]), line, json_quote(e.message))
                     : fmt::format("{{\"line\": {}, \"error\": {}}}", line, json_quote(e.message)));
      else if (file_names.size() > 1)
        fmt::print(stderr, "{}: line {}: {}\n", file_names[file], line, e.message);
      else
        fmt::print(stderr, "line {}: {}\n", line, e.message);
    }
    errors.clear();
    errors.shrink_to_fit();

    long evaluated = 0;
    if (queue) {
      // The queue orders every open ticket against the others: they are held as tickets here.
      std::vector<sla::ticket> open_tickets;
      std::vector<std::pair<std::uint64_t, std::pair<unsigned, std::uint32_t>>> order_seen;
      for (unsigned w = 0; w < threads; ++w)
        for (std::uint32_t t = 0; t < workers[w]->store.size(); ++t) order_seen.push_back({workers[w]->store.at(t).first_seq, {w, t}});
      std::sort(order_seen.begin(), order_seen.end());
      std::vector<held_event> held;
      checked_history h;
      for (const auto& [seq, who] : order_seen) {
        const ticket_store& store = workers[who.first]->store;
        check_history(store, who.second, held, h, nullptr);
        if (h.events.empty()) continue;
        open_tickets.push_back(as_ticket(policy, store.at(who.second).id, h, store));
      }
      auto order = sla::queue_order(policy, open_tickets, now);
      std::size_t id_width = 6, type_width = 4;
      for (auto k : order) {
        id_width = std::max(id_width, open_tickets[k].id().size());
        type_width = std::max(type_width, open_tickets[k].events().front().type.size());
      }
      if (format == "table")
        out.line(fmt::format("{:<4} {:<{}} {:<{}} {:<12} {}", "#", "ticket", id_width, "type", type_width, "severity", "next deadline (UTC)"));
      for (std::size_t k = 0; k < order.size(); ++k) {
        const sla::ticket& t = open_tickets[order[k]];
        auto ev = sla::evaluate(policy, t, now);
        std::optional<sla::instant> next;  // the deadline the queue sorts by: running or breached targets
        for (const auto& s : ev.targets)
          if ((s.state == sla::target_state::running || s.state == sla::target_state::breached) && s.deadline &&
              (!next || *s.deadline < *next))
            next = s.deadline;
        if (format == "table")
          out.line(fmt::format("{:<4} {:<{}} {:<{}} {:<12} {}", k + 1, t.id(), id_width, ev.type, type_width,
                               ev.severity.empty() ? "-" : ev.severity, next ? sla::format_instant(*next) : "-"));
        else
          out.line(fmt::format("{{\"ticket\": {}, \"type\": {}, \"severity\": {}, \"next_deadline\": {}}}", json_quote(t.id()),
                               json_quote(ev.type), json_quote(ev.severity), json_instant(next)));
        ++evaluated;
      }
      out.flush();
      fmt::print(stderr, "lines={} events={} tickets={} errors={}\n", lines, accepted, evaluated, lines - accepted);
      return exit_status;
    }

    // ---- Evaluating: in rounds of first-seen lines, merged in that order ----------------------
    std::size_t id_width = 6, target_width = 6;
    if (format == "table") {
      for (auto& w : workers)
        for (std::uint32_t t = 0; t < w->store.size(); ++t) id_width = std::max(id_width, w->store.at(t).id.size());
      // Target names come from the policy's rules: the longest one any cell gives.
      auto or_blank = [](const std::vector<std::string>& v) { return v.empty() ? std::vector<std::string>{""} : v; };
      for (const auto& type : policy.types())
        for (const auto& severity : or_blank(policy.severities()))
          for (const auto& plan : or_blank(policy.plans()))
            for (const auto& d : policy.targets_for(type, severity, plan)) target_width = std::max(target_width, d.name.size());
      out.line(fmt::format("{:<{}} {:<{}} {:<14} {:<28} {:>10} {:>8}  {}", "ticket", id_width, "target", target_width, "state",
                           "deadline (local)", "remaining", "used", "warnings / escalation"));
    }
    // Per thread and round: the output text, and where each ticket's lines lie in it.
    struct round_output {
      sla_examples::text_buffer text;
      struct entry {
        std::uint64_t seq;
        std::size_t begin, end;
        bool complaint;  // the text is a message for stderr: the evaluation failed
      };
      std::vector<entry> entries;
    };
    using summary_map = std::map<std::pair<std::string, std::string>, std::map<std::string, long>>;
    std::vector<summary_map> summaries(threads);
    std::vector<std::uint32_t> cursor(threads, 0);
    // Two sets of results: a round is written out while the next is evaluated.
    std::vector<round_output> result_sets[2] = {std::vector<round_output>(threads), std::vector<round_output>(threads)};
    std::vector<long> evaluated_by(threads, 0);
    std::vector<std::unique_ptr<tenant_policies>> tenants;
    for (unsigned w = 0; w < threads; ++w) tenants.push_back(std::make_unique<tenant_policies>(policy));
    constexpr std::uint64_t round_tickets = 2048;  // per thread and round: bounds the output held
    for (auto& set : result_sets)
      for (auto& r : set) r.text.reserve(round_tickets * 1024);
    // Merges a round's results by first-seen line, into the output.
    auto write_round = [&](const std::vector<round_output>& results) {
      std::vector<std::size_t> next(threads, 0);
      for (;;) {
        int best = -1;
        for (unsigned w = 0; w < threads; ++w)
          if (next[w] < results[w].entries.size() &&
              (best < 0 || results[w].entries[next[w]].seq < results[best].entries[next[best]].seq))
            best = static_cast<int>(w);
        if (best < 0) break;
        const auto& e = results[best].entries[next[best]++];
        std::string_view text(results[best].text.data() + e.begin, e.end - e.begin);
        if (e.complaint) {
          fmt::print(stderr, "{}\n", text);
          exit_status = 1;
        } else if (!text.empty()) {
          out.line(text);
        }
      }
    };
    std::future<void> writing;
    // As with reading: on a spare core a round is written out while the next is evaluated.
    const bool write_ahead = read_ahead;
    for (unsigned set = 0;; set ^= 1) {
      std::vector<round_output>& results = result_sets[set];
      // The round ends at the first-seen line that every thread reaches within its share.
      std::uint64_t bound = UINT64_MAX;
      bool any = false;
      for (unsigned w = 0; w < threads; ++w) {
        const ticket_store& s = workers[w]->store;
        if (cursor[w] >= s.size()) continue;
        any = true;
        std::uint32_t last = static_cast<std::uint32_t>(std::min<std::uint64_t>(s.size(), cursor[w] + round_tickets)) - 1;
        bound = std::min(bound, s.at(last).first_seq);
      }
      if (!any) break;
      on_threads(threads, [&](unsigned w) {
        worker& me = *workers[w];
        round_output& mine = results[w];
        mine.text.clear();
        mine.entries.clear();
        std::vector<held_event> held;
        checked_history h;
        std::uint32_t round_end = cursor[w];
        while (round_end < me.store.size() && me.store.at(round_end).first_seq <= bound) ++round_end;
        me.store.load_spilled(cursor[w], round_end);
        for (; cursor[w] < round_end; ++cursor[w]) {
          const std::uint32_t t = cursor[w];
          me.store.prefetch_history(t + 2);
          const auto& rec = me.store.at(t);
          check_history(me.store, t, held, h, nullptr);
          if (h.events.empty()) continue;
          const std::string& zone = me.store.string(h.zone);
          const std::string& country = me.store.string(h.country);
          const std::size_t begin = mine.text.size();
          bool complaint = false;
          try {
            const sla::policy& p = tenants[w]->get(me.store, h.zone, h.country, h.events.front().region);
            sla::ticket_evaluation ev = sla::evaluate(p, sla::resolved_history{rec.id, zone, country, h.events}, now);
            ++evaluated_by[w];
            if (format == "jsonl") {
              sla_examples::evaluation_json_to(mine.text, rec.id, ev);
            } else if (format == "table") {
              for (const auto& s : ev.targets) {
                std::string local = "-";
                if (s.deadline)
                  local = sla_examples::local_time_text(
                      policy.calendar(s.calendar.empty() ? policy.calendars().front().name : s.calendar, zone).zone(), *s.deadline);
                std::string notes;
                for (const auto& x : s.warnings) notes += (notes.empty() ? "" : ", ") + x;
                if (s.escalation) notes += (notes.empty() ? "" : " / ") + *s.escalation;
                if (mine.text.size() > begin) mine.text += '\n';
                mine.text += fmt::format("{:<{}} {:<{}} {:<14} {:<28} {:>10} {:>7.1f}%  {}", rec.id, id_width, s.name, target_width,
                                      sla::to_string(s.state), local,
                                      s.amount.kind == sla::amount_kind::none ? "-" : duration_text(s.remaining), s.percent,
                                      notes);
              }
            } else {
              for (const auto& s : ev.targets) ++summaries[w][{s.name, ev.severity}][std::string(sla::to_string(s.state))];
              continue;
            }
          } catch (const sla::error& err) {
            mine.text.resize(begin);
            mine.text += fmt::format("ticket {}: {}", rec.id, err.what());
            complaint = true;
          }
          mine.entries.push_back({rec.first_seq, begin, mine.text.size(), complaint});
        }
      });
      phases.lap(phase_times::evaluate);
      if (writing.valid()) writing.get();
      phases.lap(phase_times::write);
      if (write_ahead) writing = std::async(std::launch::async, [&write_round, &results] { write_round(results); });
      else write_round(results);
      phases.lap(phase_times::write);
    }
    if (writing.valid()) writing.get();
    phases.lap(phase_times::write);
    for (long n : evaluated_by) evaluated += n;
    if (format == "summary") {
      summary_map summary;
      for (const auto& s : summaries)
        for (const auto& [key, states] : s)
          for (const auto& [state, n] : states) summary[key][state] += n;
      out.line(fmt::format("{:<16} {:<12} {:>8} {:>8} {:>8} {:>8} {:>9} {:>14}", "target", "severity", "met", "breached",
                           "running", "paused", "cancelled", "not_applicable"));
      for (const auto& [key, states] : summary) {
        auto n = [&](const char* s) { auto it = states.find(s); return it == states.end() ? 0L : it->second; };
        out.line(fmt::format("{:<16} {:<12} {:>8} {:>8} {:>8} {:>8} {:>9} {:>14}", key.first, key.second, n("met"),
                             n("breached"), n("running"), n("paused"), n("cancelled"), n("not_applicable")));
      }
    }
    out.flush();
    phases.lap(phase_times::write);
    if (stats)
      fmt::print(stderr, "stats: seconds read={:.3f} parse={:.3f} dispatch={:.3f} check={:.3f} evaluate={:.3f} write={:.3f}\n",
                 phases.seconds[phase_times::read], phases.seconds[phase_times::parse], phases.seconds[phase_times::dispatch],
                 phases.seconds[phase_times::check], phases.seconds[phase_times::evaluate], phases.seconds[phase_times::write]);
    fmt::print(stderr, "lines={} events={} tickets={} errors={}\n", lines, accepted, evaluated, lines - accepted);
    return exit_status;
  } catch (const sla_examples::output_closed&) {
    return exit_status;
  } catch (const sla::error& e) {
    fmt::print(stderr, "sla-check: {}\n", e.what());
    return 2;
  }
}
