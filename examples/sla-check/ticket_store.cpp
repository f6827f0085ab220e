#include "sla-check/ticket_store.hpp"

#include <sla/error.hpp>

#include <fmt/format.h>

#include <algorithm>
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
  if (tickets_.size() * 2 >= table_size_) grow_table();
  const std::size_t mask = table_size_ - 1;
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
  const std::size_t size = table_size_ ? table_size_ * 2 : 1024;
  auto memory = big_page_alloc(size * sizeof(std::uint64_t), true);
  auto* bigger = static_cast<std::uint64_t*>(memory.get());
  const std::size_t mask = size - 1;
  for (std::size_t k = 0; k < table_size_; ++k) {
    const std::uint64_t entry = table_[k];
    if (!entry) continue;
    std::size_t i = (entry >> 32) & mask;
    while (bigger[i]) i = (i + 1) & mask;
    bigger[i] = entry;
  }
  table_memory_ = std::move(memory);
  table_ = bigger;
  table_size_ = size;
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
  // The history goes to the end of the pending bytes, which are written out a megabyte at a time.
  t.spill_offset = spill_end_;
  const std::size_t before = spill_pending_.size();
  for (std::uint32_t b = t.head; b != none; b = blocks_[b].next) {
    std::size_t used = b == t.tail ? t.tail_used : block_bytes;
    spill_pending_.insert(spill_pending_.end(), blocks_[b].bytes, blocks_[b].bytes + used);
  }
  t.spill_length = static_cast<std::uint32_t>(spill_pending_.size() - before);
  spill_end_ += t.spill_length;
  t.spilled = true;
  ++spills_;
  free_blocks(t);
  if (spill_pending_.size() >= spill_write_bytes) flush_spills();
}

void ticket_store::flush_spills() {
  if (spill_pending_.empty()) return;
  if (::pwrite(fileno(spill_file_.get()), spill_pending_.data(), spill_pending_.size(), static_cast<off_t>(spill_written_)) !=
      static_cast<ssize_t>(spill_pending_.size()))
    spill_failed("write");
  spill_written_ += spill_pending_.size();
  spill_pending_.clear();
}

void ticket_store::read_spilled(const ticket& t, std::vector<std::uint8_t>& out) const {
  out.resize(t.spill_length);
  if (t.spill_offset >= spill_written_) {  // not written out yet: a history is written whole
    std::memcpy(out.data(), spill_pending_.data() + (t.spill_offset - spill_written_), t.spill_length);
    return;
  }
  // Read with the others of its round (load_spilled), or alone.
  auto in = std::upper_bound(loaded_.begin(), loaded_.end(), t.spill_offset,
                             [](std::uint64_t at, const loaded_range& r) { return at < r.file_at; });
  if (in != loaded_.begin()) {
    const loaded_range& r = *(in - 1);
    if (t.spill_offset + t.spill_length <= r.file_at + r.length) {
      std::memcpy(out.data(), loaded_bytes_.data() + r.bytes_at + (t.spill_offset - r.file_at), t.spill_length);
      return;
    }
  }
  if (::pread(fileno(spill_file_.get()), out.data(), t.spill_length, static_cast<off_t>(t.spill_offset)) !=
      static_cast<ssize_t>(t.spill_length))
    spill_failed("read");
}

void ticket_store::load_spilled(std::uint32_t from, std::uint32_t to) {
  loaded_.clear();
  loaded_bytes_.clear();
  std::vector<std::pair<std::uint64_t, std::uint32_t>> ranges;  // in the file
  for (std::uint32_t i = from; i < to && i < tickets_.size(); ++i) {
    const ticket& t = tickets_[i];
    if (t.spilled && t.spill_offset + t.spill_length <= spill_written_) ranges.push_back({t.spill_offset, t.spill_length});
  }
  std::sort(ranges.begin(), ranges.end());
  // Ranges less than a page apart are read as one.
  constexpr std::uint64_t gap = 4096;
  for (std::size_t i = 0; i < ranges.size();) {
    const std::uint64_t begin = ranges[i].first;
    std::uint64_t end = begin + ranges[i].second;
    for (++i; i < ranges.size() && ranges[i].first <= end + gap; ++i) end = std::max(end, ranges[i].first + ranges[i].second);
    const std::size_t at = loaded_bytes_.size();
    loaded_bytes_.resize(at + (end - begin));
    if (::pread(fileno(spill_file_.get()), loaded_bytes_.data() + at, end - begin, static_cast<off_t>(begin)) !=
        static_cast<ssize_t>(end - begin))
      spill_failed("read");
    loaded_.push_back({begin, end - begin, at});
  }
}

void ticket_store::read_back(ticket& t) {
  std::vector<std::uint8_t> bytes;
  read_spilled(t, bytes);
  t.spilled = false;
  ++reloads_;
  write_bytes(t, bytes.data(), bytes.size());
}

const std::vector<std::uint8_t>& ticket_store::bytes(const ticket& t) const {
  scratch_.clear();
  if (t.spilled) {
    read_spilled(t, scratch_);
  } else {
    for (std::uint32_t b = t.head; b != none; b = blocks_[b].next) {
      std::size_t used = b == t.tail ? t.tail_used : block_bytes;
      scratch_.insert(scratch_.end(), blocks_[b].bytes, blocks_[b].bytes + used);
    }
  }
  return scratch_;
}

void ticket_store::history(std::uint32_t index, std::vector<held_event>& out) const {
  out.clear();
  for_each_event(index, [&](const held_event& e) { out.push_back(e); });
}
}  // namespace sla_check
