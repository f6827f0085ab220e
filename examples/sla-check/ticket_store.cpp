#include "sla-check/ticket_store.hpp"

#include <sla/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace sla_check {
namespace {

using detail::flag_rejected;
using detail::flag_users;

// At most 10 bytes each.
std::uint8_t* put_varint(std::uint8_t* out, std::uint64_t v) {
  while (v >= 0x80) {
    *out++ = static_cast<std::uint8_t>(v | 0x80);
    v >>= 7;
  }
  *out++ = static_cast<std::uint8_t>(v);
  return out;
}
std::uint8_t* put_signed(std::uint8_t* out, std::int64_t v) {
  return put_varint(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

[[noreturn]] void spill_failed(const char* what) {
  throw sla::error(sla::error_code::io, fmt::format("cannot {} the temporary file for finished tickets: {}", what,
                                                    std::strerror(errno)));
}

}  // namespace

std::uint32_t ticket_store::find_or_add(std::string_view id, std::uint32_t hash, std::uint64_t seq) {
  if (tickets_.size() * 2 >= table_.size()) grow_table();
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t entry = table_[i];
    if (entry == 0) {
      // New: its id goes to the arena (blocks of 1 MiB, never moved).
      if (id_blocks_.empty() || id_block_used_ + id.size() > id_blocks_.back().size()) {
        id_blocks_.emplace_back(std::max<std::size_t>(1 << 20, id.size()), '\0');
        id_block_used_ = 0;
      }
      char* stored = id_blocks_.back().data() + id_block_used_;
      std::memcpy(stored, id.data(), id.size());
      id_block_used_ += id.size();
      ticket& t = tickets_.emplace_back();
      t.first_seq = seq;
      t.last_seq = seq;
      t.id = std::string_view(stored, id.size());
      table_[i] = (std::uint64_t{hash} << 32) | tickets_.size();
      return static_cast<std::uint32_t>(tickets_.size() - 1);
    }
    if (static_cast<std::uint32_t>(entry >> 32) != hash) continue;
    const std::uint32_t k = static_cast<std::uint32_t>(entry) - 1;
    if (tickets_[k].id == id) return k;
  }
}

void ticket_store::grow_table() {
  std::vector<std::uint64_t> bigger(table_.empty() ? 1024 : table_.size() * 2, 0);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint64_t entry : table_) {
    if (!entry) continue;
    std::size_t i = (entry >> 32) & mask;
    while (bigger[i]) i = (i + 1) & mask;
    bigger[i] = entry;
  }
  table_ = std::move(bigger);
}

std::uint32_t ticket_store::intern(std::string_view s) {
  for (std::uint32_t i = 0; i < strings_.size(); ++i)
    if (strings_[i] == s) return i;
  strings_.emplace_back(s);
  return static_cast<std::uint32_t>(strings_.size() - 1);
}

std::size_t ticket_store::encode(const ticket& t, const held_event& e, std::uint8_t* to) const {
  const sla::resolved_event& r = e.event;
  std::uint8_t head = static_cast<std::uint8_t>(r.kind);
  if (e.rejected) head |= flag_rejected;
  if (e.users_affected) head |= flag_users;
  std::uint8_t* out = to;
  *out++ = head;
  out = put_varint(out, e.seq - t.last_seq);
  out = put_signed(out, r.at.time_since_epoch().count() - t.last_at);
  if (e.rejected) return static_cast<std::size_t>(put_varint(out, *e.rejected) - to);
  switch (r.kind) {
    case sla::event_kind::created:
      out = put_varint(out, r.type);
      out = put_varint(out, r.severity);
      out = put_varint(out, r.plan);
      out = put_varint(out, r.region);
      out = put_varint(out, e.zone);
      out = put_varint(out, e.country);
      if (e.users_affected) out = put_signed(out, *e.users_affected);
      break;
    case sla::event_kind::status:
    case sla::event_kind::custom: out = put_varint(out, r.name); break;
    case sla::event_kind::type: out = put_varint(out, r.type); break;
    case sla::event_kind::severity: out = put_varint(out, r.severity); break;
    case sla::event_kind::plan: out = put_varint(out, r.plan); break;
    case sla::event_kind::region: out = put_varint(out, r.region); break;
    default: break;
  }
  return static_cast<std::size_t>(out - to);
}

std::uint32_t ticket_store::new_block() {
  if (free_block_ != none) {
    std::uint32_t b = free_block_;
    free_block_ = blocks_[b].next;
    blocks_[b].next = none;
    return b;
  }
  blocks_.emplace_back().next = none;
  return static_cast<std::uint32_t>(blocks_.size() - 1);
}

void ticket_store::write_bytes(ticket& t, const std::uint8_t* data, std::size_t n) {
  while (n > 0) {
    if (t.tail == none || t.tail_used == block_bytes) {
      std::uint32_t b = new_block();
      if (t.tail == none) t.head = b;
      else blocks_[t.tail].next = b;
      t.tail = b;
      t.tail_used = 0;
    }
    std::size_t room = block_bytes - t.tail_used, take = n < room ? n : room;
    std::memcpy(blocks_[t.tail].bytes + t.tail_used, data, take);
    t.tail_used = static_cast<std::uint16_t>(t.tail_used + take);
    data += take;
    n -= take;
  }
}

void ticket_store::free_blocks(ticket& t) {
  if (t.head == none) return;
  blocks_[t.tail].next = free_block_;
  free_block_ = t.head;
  t.head = t.tail = none;
  t.tail_used = 0;
}

void ticket_store::append(std::uint32_t index, const held_event& e) {
  ticket& t = tickets_[index];
  if (t.spilled) read_back(t);
  std::uint8_t bytes[max_encoded];
  write_bytes(t, bytes, encode(t, e, bytes));
  t.last_seq = e.seq;
  t.last_at = e.event.at.time_since_epoch().count();
  ++t.events;
}

void ticket_store::spill(std::uint32_t index) {
  ticket& t = tickets_[index];
  if (t.spilled || t.head == none) return;
  if (!spill_file_) {
    // In $TMPDIR (else /tmp), removed at once: it goes away with the process.
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/sla-check-XXXXXX";
    int fd = ::mkstemp(path.data());
    if (fd < 0) spill_failed("create");
    ::unlink(path.c_str());
    spill_file_.reset(::fdopen(fd, "w+b"));
    if (!spill_file_) spill_failed("open");
  }
  scratch_.clear();
  for (std::uint32_t b = t.head; b != none; b = blocks_[b].next) {
    std::size_t used = b == t.tail ? t.tail_used : block_bytes;
    scratch_.insert(scratch_.end(), blocks_[b].bytes, blocks_[b].bytes + used);
  }
  if (::pwrite(fileno(spill_file_.get()), scratch_.data(), scratch_.size(), static_cast<off_t>(spill_end_)) !=
      static_cast<ssize_t>(scratch_.size()))
    spill_failed("write");
  t.spill_offset = spill_end_;
  t.spill_length = static_cast<std::uint32_t>(scratch_.size());
  spill_end_ += scratch_.size();
  t.spilled = true;
  ++spills_;
  free_blocks(t);
}

void ticket_store::read_back(ticket& t) {
  std::vector<std::uint8_t> bytes(t.spill_length);
  if (::pread(fileno(spill_file_.get()), bytes.data(), bytes.size(), static_cast<off_t>(t.spill_offset)) !=
      static_cast<ssize_t>(bytes.size()))
    spill_failed("read");
  t.spilled = false;
  ++reloads_;
  write_bytes(t, bytes.data(), bytes.size());
}

const std::vector<std::uint8_t>& ticket_store::bytes(const ticket& t) const {
  scratch_.clear();
  if (t.spilled) {
    scratch_.resize(t.spill_length);
    if (::pread(fileno(spill_file_.get()), scratch_.data(), scratch_.size(), static_cast<off_t>(t.spill_offset)) !=
        static_cast<ssize_t>(scratch_.size()))
      spill_failed("read");
  } else {
    for (std::uint32_t b = t.head; b != none; b = blocks_[b].next) {
      std::size_t used = b == t.tail ? t.tail_used : block_bytes;
      scratch_.insert(scratch_.end(), blocks_[b].bytes, blocks_[b].bytes + used);
    }
  }
  return scratch_;
}

void ticket_store::history(std::uint32_t index, std::vector<held_event>& out) const {
  const ticket& t = tickets_[index];
  out.clear();
  for_each_event(index, [&](const held_event& e) { out.push_back(e); });
}
}  // namespace sla_check
