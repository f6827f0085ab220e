// sla-check's input: the event files read one after another in large blocks and cut into
// batches of whole lines, each line with its file, its line number and its place in the whole
// input (`seq`, which orders lines by file, then line). Blank lines are dropped here; every
// other line is handed on once. The block keeps simdjson's padding after its last line, so a
// JSON line can be parsed in place.
#pragma once

#include <sla/error.hpp>

#include <fmt/format.h>
#include <simdjson.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/cli.hpp"
#include "common/text_buffer.hpp"

namespace sla_check {

struct input_line {
  std::uint32_t offset = 0, length = 0;  // in the batch's text
  std::uint32_t file = 0;
  long number = 0;                       // 1-based line number in its file
  std::uint64_t seq() const noexcept { return (static_cast<std::uint64_t>(file) << 40) | static_cast<std::uint64_t>(number); }
};

struct input_batch {
  sla_examples::text_buffer text;  // whole lines, then at least SIMDJSON_PADDING bytes
  std::vector<input_line> lines;
  bool all_json = true;  // every line starts with `{` (after blanks)
};

class input_reader {
 public:
  explicit input_reader(std::vector<std::string> paths, std::size_t batch_bytes = 4 << 20)
      : paths_(std::move(paths)), batch_bytes_(batch_bytes) {}

  const std::vector<std::string>& file_names() const noexcept { return names_; }

  // The next batch of non-blank lines; false at the end of the last file. Throws sla::error(io)
  // for a file that cannot be opened or read to its end.
  bool next(input_batch& batch) {
    batch.text.clear();
    batch.text.append(carry_.data(), carry_.size());
    batch.lines.clear();
    batch.all_json = true;
    line_start_ = 0;
    scanned_ = carry_.size();
    carry_.clear();
    for (;;) {
      if (!file_ && !open_next()) break;
      std::size_t old = batch.text.size();
      batch.text.resize(old + read_size);
      std::size_t n = std::fread(batch.text.data() + old, 1, read_size, file_->get());
      batch.text.resize(old + n);
      if (n == 0) {
        file_->check();
        // The file's last line may lack its newline.
        if (batch.text.size() > line_start_ && batch.text.back() != '\n') batch.text.push_back('\n');
        cut(batch);
        file_.reset();
        ++file_index_;
        if (batch.text.size() >= batch_bytes_) break;
        continue;
      }
      if (batch.text.size() >= batch_bytes_) {
        cut(batch);
        if (!batch.lines.empty()) {
          // The incomplete last line waits for the next batch.
          carry_.assign(batch.text.data() + line_start_, batch.text.size() - line_start_);
          batch.text.resize(line_start_);
          break;
        }
      }
    }
    batch.text.append(simdjson::SIMDJSON_PADDING, ' ');
    return !batch.lines.empty() || file_ || file_index_ < paths_.size();
  }

 private:
  bool open_next() {
    if (file_index_ >= paths_.size()) return false;
    file_ = std::make_unique<sla_examples::input_file>(paths_[file_index_]);
    names_.push_back(file_->name());
    line_number_ = 0;
    return true;
  }

  // Records the complete lines of text[scanned_ ..).
  void cut(input_batch& batch) {
    const char* text = batch.text.data();
    const std::size_t size = batch.text.size();
    std::size_t i = scanned_;
    while (i < size) {
      const void* found = std::memchr(text + i, '\n', size - i);
      if (!found) break;
      i = static_cast<std::size_t>(static_cast<const char*>(found) - text);
      ++line_number_;
      std::size_t end = i;
      if (end > line_start_ && text[end - 1] == '\r') --end;
      std::size_t first = line_start_;
      while (first < end && (text[first] == ' ' || text[first] == '\t')) ++first;
      if (first < end) {
        if (text[first] != '{') batch.all_json = false;
        batch.lines.push_back({static_cast<std::uint32_t>(line_start_), static_cast<std::uint32_t>(end - line_start_),
                               static_cast<std::uint32_t>(file_index_), line_number_});
      }
      line_start_ = ++i;
    }
    scanned_ = size;
  }

  static constexpr std::size_t read_size = 1 << 20;
  std::vector<std::string> paths_;
  std::vector<std::string> names_;
  std::size_t batch_bytes_;
  std::unique_ptr<sla_examples::input_file> file_;
  std::size_t file_index_ = 0;
  long line_number_ = 0;
  std::string carry_;
  std::size_t line_start_ = 0, scanned_ = 0;
};

}  // namespace sla_check
