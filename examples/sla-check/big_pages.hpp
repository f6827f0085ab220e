// Storage for sla-check's large tables, in 2 MiB pieces the kernel may back with huge pages
// (madvise MADV_HUGEPAGE): a ticket store of a million tickets is reached at random, and with
// 4 KiB pages every reach is also a miss in the address-translation cache.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace sla_check {

struct big_page_free {
  void operator()(void* p) const noexcept { std::free(p); }
};

// Memory of `bytes`, zeroed when asked. From 2 MiB up: rounded up to 2 MiB, 2 MiB aligned and
// advised for huge pages.
inline std::unique_ptr<void, big_page_free> big_page_alloc(std::size_t bytes, bool zeroed) {
  constexpr std::size_t huge = std::size_t{1} << 21;
  if (bytes < huge) {
    void* small = zeroed ? std::calloc(1, bytes) : std::malloc(bytes);
    if (!small) throw std::bad_alloc();
    return std::unique_ptr<void, big_page_free>(small);
  }
  bytes = (bytes + huge - 1) / huge * huge;
  void* p = std::aligned_alloc(huge, bytes);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  ::madvise(p, bytes, MADV_HUGEPAGE);  // advice only: without it the pages are ordinary
#endif
  if (zeroed) std::memset(p, 0, bytes);
  return std::unique_ptr<void, big_page_free>(p);
}

// A growable array of trivially copyable T in 2 MiB pieces that never move: references stay
// valid as it grows.
template <class T>
class paged_array {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  static constexpr std::size_t per_piece = (std::size_t{1} << 21) / sizeof(T);
  T& operator[](std::size_t i) noexcept { return pieces_[i / per_piece][i % per_piece]; }
  const T& operator[](std::size_t i) const noexcept { return pieces_[i / per_piece][i % per_piece]; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  T& emplace_back() {
    if (size_ == pieces_.size() * per_piece) {
      owners_.push_back(big_page_alloc(per_piece * sizeof(T), false));
      pieces_.push_back(static_cast<T*>(owners_.back().get()));
    }
    T* slot = &pieces_[size_ / per_piece][size_ % per_piece];
    new (slot) T{};
    ++size_;
    return *slot;
  }
  std::size_t memory_bytes() const noexcept { return pieces_.size() * (std::size_t{1} << 21); }

 private:
  std::vector<std::unique_ptr<void, big_page_free>> owners_;
  std::vector<T*> pieces_;
  std::size_t size_ = 0;
};

}  // namespace sla_check
