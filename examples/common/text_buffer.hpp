// A byte buffer that grows without filling (common to the example programs' fast paths).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace sla_examples {

// A growable run of bytes like std::string, except that growing leaves the new bytes unset:
// for text that is written over at once (a block read from a file, JSON written into room
// reserved for it).
class text_buffer {
 public:
  const char* data() const noexcept { return data_.get(); }
  char* data() noexcept { return data_.get(); }
  std::size_t size() const noexcept { return size_; }
  char back() const noexcept { return data_[size_ - 1]; }
  void clear() noexcept { size_ = 0; }
  // To n bytes; bytes past the old size are not set.
  void resize(std::size_t n) {
    reserve(n);
    size_ = n;
  }
  void append(const char* from, std::size_t n) {
    reserve(size_ + n);
    if (n) std::memcpy(data_.get() + size_, from, n);
    size_ += n;
  }
  void append(std::size_t n, char c) {
    reserve(size_ + n);
    std::memset(data_.get() + size_, c, n);
    size_ += n;
  }
  void append(std::string_view s) { append(s.data(), s.size()); }
  void push_back(char c) { append(1, c); }
  text_buffer& operator+=(std::string_view s) {
    append(s);
    return *this;
  }
  text_buffer& operator+=(char c) {
    push_back(c);
    return *this;
  }
  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    const std::size_t grown = std::max(n, capacity_ * 2);
    auto bigger = std::make_unique_for_overwrite<char[]>(grown);
    if (size_) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = grown;
  }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0, capacity_ = 0;
};

}  // namespace sla_examples
