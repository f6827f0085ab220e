// sla-check's memory: every ticket seen so far, its history kept as compact bytes (~8 bytes an
// event: varint deltas of line and time, the kind, the policy indices of its names), and the
// histories of tickets that look finished spilled to a temporary file, so that what stays in
// memory is the open tickets. A spilled ticket that gets another event is read back.
//
// One store per worker thread (tickets are split between workers by a hash of their id); nothing
// in a store is shared. The store never interprets a history: it keeps what it is given and
// hands it back in arrival order (ticket_store::history).
#pragma once

#include <sla/ticket.hpp>

#include "sla-check/big_pages.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sla_check {

// One event as sla-check holds it: resolved against the policy, or rejected with the reason
// (kept until the history's order is known: an order problem is reported before it).
struct held_event {
  std::uint64_t seq = 0;  // the line's place in the whole input (file, line): input order
  sla::resolved_event event;
  // created: the ticket's zone, country (indices into the store's strings) and users_affected
  std::uint32_t zone = 0, country = 0;
  std::optional<long long> users_affected;
  // rejected: the message (index into the store's messages); the event's kind and time stay
  std::optional<std::uint32_t> rejected;
};

namespace detail {

constexpr std::uint8_t flag_rejected = 0x20;
constexpr std::uint8_t flag_users = 0x40;
constexpr std::uint8_t kind_mask = 0x1f;

struct varint_reader {
  const std::uint8_t* p;
  const std::uint8_t* end;
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; p < end; shift += 7) {
      std::uint8_t b = *p++;
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    return v;
  }
  std::int64_t signed_varint() {
    std::uint64_t z = varint();
    return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  std::uint16_t index() { return static_cast<std::uint16_t>(varint()); }
};

// Calls f(held_event) for each event of a history's bytes (ticket_store::encode), in order.
template <class F>
void decode(const std::uint8_t* from, const std::uint8_t* to, std::uint64_t seq, F&& f) {
  varint_reader r{from, to};
  std::int64_t at = 0;
  while (r.p < r.end) {
    held_event e;
    std::uint8_t head = *r.p++;
    e.event.kind = static_cast<sla::event_kind>(head & kind_mask);
    seq += r.varint();
    at += r.signed_varint();
    e.seq = seq;
    e.event.at = sla::instant{std::chrono::seconds{at}};
    if (head & flag_rejected) {
      e.rejected = static_cast<std::uint32_t>(r.varint());
    } else {
      switch (e.event.kind) {
        case sla::event_kind::created:
          e.event.type = r.index();
          e.event.severity = r.index();
          e.event.plan = r.index();
          e.event.region = r.index();
          e.zone = static_cast<std::uint32_t>(r.varint());
          e.country = static_cast<std::uint32_t>(r.varint());
          if (head & flag_users) e.users_affected = r.signed_varint();
          break;
        case sla::event_kind::status:
        case sla::event_kind::custom: e.event.name = r.index(); break;
        case sla::event_kind::type: e.event.type = r.index(); break;
        case sla::event_kind::severity: e.event.severity = r.index(); break;
        case sla::event_kind::plan: e.event.plan = r.index(); break;
        case sla::event_kind::region: e.event.region = r.index(); break;
        default: break;
      }
    }
    f(e);
  }
}

}  // namespace detail

class ticket_store {
 public:
  struct ticket {
    std::uint64_t first_seq = 0;  // the first line that named it: output order
    std::string_view id;          // in the store's arena
    std::uint32_t head = none, tail = none;  // blocks of the history in memory
    std::uint16_t tail_used = 0;
    bool spilled = false;
    bool needs_check = false;  // its history must be sorted and checked before it is used
    bool may_be_done = false;  // its last event can end its clocks: spilled when it stays so
    bool has_created = false;
    std::uint32_t events = 0;
    std::uint64_t spill_offset = 0;
    std::uint32_t spill_length = 0;
    std::uint64_t last_seq = 0;
    std::int64_t last_at = 0;
  };
  static constexpr std::uint32_t none = 0xffffffff;

  explicit ticket_store(bool spill) : spill_enabled_(spill) {}

  // The ticket with this id, added (first seen at `seq`) when new.
  std::uint32_t find_or_add(std::string_view id, std::uint32_t hash, std::uint64_t seq);

  // Hints for a run of lookups: bring the table slot of a coming id into the cache, then (a few
  // lookups later, when the slot is there) its ticket and the block its next event goes to.
  void prefetch_slot(std::uint32_t hash) const noexcept {
    if (table_size_) __builtin_prefetch(&table_[hash & (table_size_ - 1)]);
  }
  void prefetch_ticket(std::uint32_t hash) const noexcept {
    if (!table_size_) return;
    std::uint64_t entry = table_[hash & (table_size_ - 1)];
    if (!entry || static_cast<std::uint32_t>(entry >> 32) != hash) return;
    const ticket& t = tickets_[static_cast<std::uint32_t>(entry) - 1];
    __builtin_prefetch(&t);
    __builtin_prefetch(t.id.data());
    if (t.tail != none) __builtin_prefetch(&blocks_[t.tail]);
  }

  // Appends an event to a ticket's history (reading it back first when it was spilled).
  void append(std::uint32_t t, const held_event& e);
  // Writes a ticket's history to the spill file and frees its memory.
  void spill(std::uint32_t t);

  // Brings a ticket's first history block into the cache (before history()).
  void prefetch_history(std::uint32_t t) const noexcept {
    if (t < tickets_.size() && tickets_[t].head != none) __builtin_prefetch(&blocks_[tickets_[t].head]);
  }
  // Reads the spilled histories of tickets [from, to) ahead of history(), with few reads: their
  // places in the file sorted, and places less than a page apart read as one. Until the next
  // call, history() takes them from memory.
  void load_spilled(std::uint32_t from, std::uint32_t to);
  // A ticket's events in arrival order.
  void history(std::uint32_t t, std::vector<held_event>& out) const;
  // Calls f(const held_event&) for each of them, in arrival order.
  template <class F>
  void for_each_event(std::uint32_t t, F&& f) const {
    const std::vector<std::uint8_t>& b = bytes(tickets_[t]);
    detail::decode(b.data(), b.data() + b.size(), tickets_[t].first_seq, f);
  }

  std::uint32_t intern(std::string_view s);  // zone and country strings; "" is 0
  const std::string& string(std::uint32_t i) const { return strings_[i]; }
  std::uint32_t add_message(std::string m) {
    messages_.push_back(std::move(m));
    return static_cast<std::uint32_t>(messages_.size() - 1);
  }
  const std::string& message(std::uint32_t i) const { return messages_[i]; }

  std::size_t size() const noexcept { return tickets_.size(); }
  ticket& at(std::uint32_t t) { return tickets_[t]; }
  const ticket& at(std::uint32_t t) const { return tickets_[t]; }
  bool spill_enabled() const noexcept { return spill_enabled_; }
  // For --stats: histories written to the spill file, and read back for a later event.
  std::uint64_t spills() const noexcept { return spills_; }
  std::uint64_t reloads() const noexcept { return reloads_; }
  std::uint64_t spill_file_bytes() const noexcept { return spill_written_; }  // written out so far
  std::size_t memory_bytes() const noexcept {
    return tickets_.memory_bytes() + table_size_ * sizeof(std::uint64_t) + blocks_.memory_bytes() +
           id_blocks_.size() * (1 << 20) + spill_pending_.capacity() + loaded_bytes_.capacity();
  }

 private:
  static constexpr std::size_t block_bytes = 44;
  struct block {
    std::uint8_t bytes[block_bytes];
    std::uint32_t next;
  };
  void write_bytes(ticket& t, const std::uint8_t* data, std::size_t n);
  const std::vector<std::uint8_t>& bytes(const ticket& t) const;  // its history's bytes (in scratch_)
  void read_spilled(const ticket& t, std::vector<std::uint8_t>& out) const;
  void flush_spills();
  static constexpr std::size_t spill_write_bytes = 1 << 20;
  std::uint32_t new_block();
  void free_blocks(ticket& t);
  void read_back(ticket& t);
  // An event as bytes, at `to` (room for max_encoded): the head byte, varints.
  static constexpr std::size_t max_encoded = 1 + 10 * 9;
  std::size_t encode(const ticket& t, const held_event& e, std::uint8_t* to) const;
  void grow_table();

  bool spill_enabled_;
  paged_array<ticket> tickets_;
  // Open addressing: hash << 32 | (ticket index + 1), 0 empty; table_size_ a power of two.
  std::unique_ptr<void, big_page_free> table_memory_;
  std::uint64_t* table_ = nullptr;
  std::size_t table_size_ = 0;
  std::deque<std::string> id_blocks_;  // the arena of ids
  std::size_t id_block_used_ = 0;
  paged_array<block> blocks_;
  std::uint32_t free_block_ = none;
  std::vector<std::string> strings_{""};
  std::vector<std::string> messages_;
  struct file_closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, file_closer> spill_file_;
  std::uint64_t spill_end_ = 0;      // the spilled histories' bytes: [0, spill_written_) in the file,
  std::uint64_t spill_written_ = 0;  // then spill_pending_
  std::vector<std::uint8_t> spill_pending_;
  // The spilled histories of a round of tickets (load_spilled), by place in the file.
  struct loaded_range {
    std::uint64_t file_at, length, bytes_at;
  };
  std::vector<loaded_range> loaded_;
  std::vector<std::uint8_t> loaded_bytes_;
  std::uint64_t spills_ = 0, reloads_ = 0;
  mutable std::vector<std::uint8_t> scratch_;
};

}  // namespace sla_check
