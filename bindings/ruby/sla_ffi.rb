# sla-engine from Ruby through ruby-ffi (Debian: ruby-ffi): the C ABI of include/sla/sla.h.
#
#   require "sla_ffi"                       # installed in <prefix>/share/sla/ruby
#   policy = SLA::Policy.load("policies/avallain.yaml")
#   policy.deadlines(created: "2026-11-23T10:00:00Z", type: "incident", severity: "urgent")
#   # => [{name: "response", deadline: 2026-11-23 10:15:00 UTC, …}, …]
#
# SLA::Native holds the raw functions; SLA::Policy, SLA::Calendar and SLA::Tracker wrap the
# handles (freed by the garbage collector) and raise SLA::Error, which carries code, file, line,
# column and path. Instants are Ruby Times (or RFC 3339 strings) in, UTC Times out. The shared
# library is found as ENV["SLA_C_LIBRARY"] when set, else libsla_c through the loader's path.
require "ffi"
require "json"

module SLA
  # Raised for every sla_error: code ("invalid_policy", …, see ERROR_CODES), file, line, column, path (nil when
  # unknown), message (the message alone); to_s is the one-line text with the position.
  class Error < StandardError
    attr_reader :code, :file, :line, :column, :path, :detail

    def initialize(text, code:, file: nil, line: nil, column: nil, path: nil, detail: nil)
      super(text)
      @code, @file, @line, @column, @path, @detail = code, file, line, column, path, detail
    end
  end

  module Native
    extend FFI::Library
    ffi_lib ENV.fetch("SLA_C_LIBRARY", "sla_c")

    class ErrorStruct < FFI::Struct
      layout :code, :int, :text, :string, :message, :string, :file, :string,
             :line, :int, :column, :int, :path, :string
    end

    class DeadlineStruct < FFI::Struct
      layout :name, :string, :calendar, :string, :amount, :string, :starts, :string,
             :has_deadline, :int, :deadline, :int64, :has_amount_seconds, :int, :amount_seconds, :int64,
             :rule, :string
    end

    class TargetStruct < FFI::Struct
      layout :name, :string, :calendar, :string, :amount, :string, :state, :string,
             :has_deadline, :int, :deadline, :int64, :has_met_at, :int, :met_at, :int64,
             :has_breached_at, :int, :breached_at, :int64,
             :target_seconds, :int64, :accrued_seconds, :int64, :remaining_seconds, :int64,
             :percent, :double, :warning_count, :size_t, :warnings, :pointer, :escalation, :string,
             :cycles, :int, :completed_cycle_count, :size_t, :rule, :string
    end

    class TicketStruct < FFI::Struct
      layout :ticket, :string, :type, :string, :severity, :string, :plan, :string, :region, :string,
             :country, :string, :has_next_change, :int, :next_change, :int64, :target_count, :size_t
    end

    attach_function :sla_version, [], :string
    attach_function :sla_error_free, [:pointer], :void
    attach_function :sla_string_free, [:pointer], :void
    attach_function :sla_parse_instant, [:string, :pointer, :pointer], :int
    attach_function :sla_format_instant, [:int64, :pointer], :pointer
    attach_function :sla_policy_load, [:string, :pointer], :pointer
    attach_function :sla_policy_parse, [:string, :size_t, :string, :string, :pointer], :pointer
    attach_function :sla_policy_free, [:pointer], :void
    attach_function :sla_policy_name, [:pointer], :string
    attach_function :sla_policy_deadlines,
                    [:pointer, :string, :string, :string, :int64, :string, :string, :string, :pointer], :pointer
    attach_function :sla_deadlines_count, [:pointer], :size_t
    attach_function :sla_deadlines_at, [:pointer, :size_t], :pointer
    attach_function :sla_deadlines_free, [:pointer], :void
    attach_function :sla_calendar_parse, [:string, :pointer], :pointer
    attach_function :sla_policy_calendar, [:pointer, :string, :string, :string, :string, :pointer], :pointer
    attach_function :sla_calendar_free, [:pointer], :void
    attach_function :sla_calendar_add, [:pointer, :int64, :int64, :pointer, :pointer], :int
    attach_function :sla_calendar_subtract, [:pointer, :int64, :int64, :pointer, :pointer], :int
    attach_function :sla_calendar_elapsed, [:pointer, :int64, :int64, :pointer, :pointer], :int
    attach_function :sla_calendar_is_open, [:pointer, :int64, :pointer, :pointer], :int
    attach_function :sla_calendar_next_open, [:pointer, :int64, :pointer, :pointer], :int
    attach_function :sla_calendar_next_close, [:pointer, :int64, :pointer, :pointer], :int
    attach_function :sla_calendar_add_business_days, [:pointer, :int64, :int, :pointer, :pointer], :int
    attach_function :sla_calendar_next_business_day_close, [:pointer, :int64, :pointer, :pointer], :int
    attach_function :sla_tracker_new, [:pointer, :string, :pointer], :pointer
    attach_function :sla_tracker_free, [:pointer], :void
    attach_function :sla_tracker_append, [:pointer, :int64, :string, :pointer, :pointer], :int
    attach_function :sla_tracker_evaluate, [:pointer, :int64, :pointer], :pointer
    attach_function :sla_tracker_evaluate_json, [:pointer, :int64, :pointer], :pointer
    attach_function :sla_evaluation_ticket, [:pointer], :pointer
    attach_function :sla_evaluation_target, [:pointer, :size_t], :pointer
    attach_function :sla_evaluation_free, [:pointer], :void

    OK = 0
    NEVER = 1

    # Calls a C function with an sla_error** last; raises SLA::Error when it failed.
    # Returns the function's result.
    def self.checked
      slot = FFI::MemoryPointer.new(:pointer)
      result = yield slot
      error = slot.read_pointer
      raise_error(error) unless error.null?
      result
    end

    def self.raise_error(pointer)
      e = ErrorStruct.new(pointer)
      blank = ->(s) { s.nil? || s.empty? ? nil : s }
      zero = ->(n) { n.zero? ? nil : n }
      error = SLA::Error.new(e[:text], code: SLA::ERROR_CODES.fetch(e[:code], "unknown"), file: blank.(e[:file]), line: zero.(e[:line]),
                                       column: zero.(e[:column]), path: blank.(e[:path]), detail: e[:message])
      sla_error_free(pointer)
      raise error
    end

    # A C string the library allocated, as a Ruby String (the C copy freed).
    def self.take_string(pointer)
      text = pointer.read_string.force_encoding(Encoding::UTF_8)
      sla_string_free(pointer)
      text
    end
  end

  ERROR_CODES = { 1 => "invalid_timestamp", 2 => "out_of_range", 3 => "unknown_time_zone", 4 => "invalid_calendar",
                  5 => "invalid_policy", 6 => "invalid_argument", 7 => "io", 100 => "internal" }.freeze

  # Seconds since 1970 UTC from a Time or RFC 3339 text (parsed by the library: strict, with an offset).
  def self.seconds(t)
    return t.to_i if t.is_a?(Time)
    out = FFI::MemoryPointer.new(:int64)
    Native.checked { |e| Native.sla_parse_instant(t.to_s, out, e) }
    out.read_int64
  end

  def self.time(seconds)
    Time.at(seconds).utc
  end

  # Text for a C argument: nil stays nil (not given).
  def self.text(value)
    value&.to_s
  end

  class Policy
    attr_reader :handle

    def self.load(path)
      new(Native.checked { |e| Native.sla_policy_load(path.to_s, e) })
    end

    def self.parse(text, source: "<text>", base_dir: ".")
      new(Native.checked { |e| Native.sla_policy_parse(text, text.bytesize, source, base_dir, e) })
    end

    def initialize(pointer)
      @handle = FFI::AutoPointer.new(pointer, Native.method(:sla_policy_free))
    end

    def name
      Native.sla_policy_name(@handle)
    end

    # A new ticket's targets with their deadlines: an Array of Hashes with name, calendar,
    # amount, starts, deadline (a UTC Time or nil), amount_seconds (or nil) and rule.
    def deadlines(created:, type: nil, severity: nil, plan: nil, timezone: nil, region: nil, country: nil)
      list = Native.checked do |e|
        Native.sla_policy_deadlines(@handle, SLA.text(type), SLA.text(severity), SLA.text(plan), SLA.seconds(created),
                                    SLA.text(timezone), SLA.text(region), SLA.text(country), e)
      end
      begin
        (0...Native.sla_deadlines_count(list)).map do |i|
          d = Native::DeadlineStruct.new(Native.sla_deadlines_at(list, i))
          { name: d[:name], calendar: d[:calendar], amount: d[:amount], starts: d[:starts],
            deadline: d[:has_deadline] == 1 ? SLA.time(d[:deadline]) : nil,
            amount_seconds: d[:has_amount_seconds] == 1 ? d[:amount_seconds] : nil, rule: d[:rule] }
        end
      ensure
        Native.sla_deadlines_free(list)
      end
    end

    def calendar(name, timezone: nil, region: nil, country: nil)
      Calendar.new(Native.checked do |e|
        Native.sla_policy_calendar(@handle, name, SLA.text(timezone), SLA.text(region), SLA.text(country), e)
      end)
    end
  end

  class Calendar
    def self.parse(spec)
      new(Native.checked { |e| Native.sla_calendar_parse(spec.is_a?(String) ? spec : JSON.generate(spec), e) })
    end

    def initialize(pointer)
      @handle = FFI::AutoPointer.new(pointer, Native.method(:sla_calendar_free))
    end

    def add(t, seconds) = instant_or_nil { |out, e| Native.sla_calendar_add(@handle, SLA.seconds(t), seconds, out, e) }
    def subtract(t, seconds) = instant_or_nil { |out, e| Native.sla_calendar_subtract(@handle, SLA.seconds(t), seconds, out, e) }
    def next_open(t) = instant_or_nil { |out, e| Native.sla_calendar_next_open(@handle, SLA.seconds(t), out, e) }
    def next_close(t) = instant_or_nil { |out, e| Native.sla_calendar_next_close(@handle, SLA.seconds(t), out, e) }
    def add_business_days(t, days) = instant_or_nil { |out, e| Native.sla_calendar_add_business_days(@handle, SLA.seconds(t), days, out, e) }
    def next_business_day_close(t) = instant_or_nil { |out, e| Native.sla_calendar_next_business_day_close(@handle, SLA.seconds(t), out, e) }

    # Business seconds in [a, b).
    def elapsed(a, b)
      out = FFI::MemoryPointer.new(:int64)
      Native.checked { |e| Native.sla_calendar_elapsed(@handle, SLA.seconds(a), SLA.seconds(b), out, e) }
      out.read_int64
    end

    def open?(t)
      out = FFI::MemoryPointer.new(:int)
      Native.checked { |e| Native.sla_calendar_is_open(@handle, SLA.seconds(t), out, e) }
      out.read_int == 1
    end

    private

    def instant_or_nil
      out = FFI::MemoryPointer.new(:int64)
      status = Native.checked { |e| yield out, e }
      status == Native::OK ? SLA.time(out.read_int64) : nil
    end
  end

  class Tracker
    def initialize(policy, ticket)
      pointer = Native.checked { |e| Native.sla_tracker_new(policy.handle, ticket.to_s, e) }
      @handle = FFI::AutoPointer.new(pointer, Native.method(:sla_tracker_free))
    end

    # append("2026-11-23T10:00:00Z", "created", type: "incident", severity: "urgent")
    def append(at, event, **fields)
      strings = fields.flat_map { |k, v| [k.to_s, v.to_s] }.map { |s| FFI::MemoryPointer.from_string(s) }
      list = FFI::MemoryPointer.new(:pointer, strings.size + 1)
      list.write_array_of_pointer(strings + [nil])
      Native.checked { |e| Native.sla_tracker_append(@handle, SLA.seconds(at), event.to_s, list, e) }
      self
    end

    # The ticket's clocks at `now`: a Hash with the ticket's fields and :targets, an Array of
    # Hashes (name, state, deadline, met_at, breached_at, target_seconds, accrued_seconds, …).
    def evaluate(now)
      ev = Native.checked { |e| Native.sla_tracker_evaluate(@handle, SLA.seconds(now), e) }
      begin
        t = Native::TicketStruct.new(Native.sla_evaluation_ticket(ev))
        { ticket: t[:ticket], type: t[:type], severity: t[:severity], plan: t[:plan],
          next_change: t[:has_next_change] == 1 ? SLA.time(t[:next_change]) : nil,
          targets: (0...t[:target_count]).map { |i| target(Native::TargetStruct.new(Native.sla_evaluation_target(ev, i))) } }
      ensure
        Native.sla_evaluation_free(ev)
      end
    end

    # The JSON line sla-check writes for this ticket.
    def evaluate_json(now)
      Native.take_string(Native.checked { |e| Native.sla_tracker_evaluate_json(@handle, SLA.seconds(now), e) })
    end

    private

    def target(s)
      when_set = ->(flag, value) { s[flag] == 1 ? SLA.time(s[value]) : nil }
      warnings = s[:warning_count].zero? ? [] : s[:warnings].get_array_of_string(0, s[:warning_count])
      { name: s[:name], calendar: s[:calendar], amount: s[:amount], state: s[:state],
        deadline: when_set.(:has_deadline, :deadline), met_at: when_set.(:has_met_at, :met_at),
        breached_at: when_set.(:has_breached_at, :breached_at), target_seconds: s[:target_seconds],
        accrued_seconds: s[:accrued_seconds], remaining_seconds: s[:remaining_seconds], percent: s[:percent],
        warnings: warnings, escalation: s[:escalation], cycles: s[:cycles], rule: s[:rule] }
    end
  end
end
