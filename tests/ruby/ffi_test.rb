# The C ABI from Ruby through ruby-ffi: a seed policy's deadlines for a new ticket, a tenant
# calendar across a daylight-saving change, a holiday, a ticket's clocks, and errors. Expected
# values are worked out by hand from the policy text (arithmetic in the comments); the ticket's
# JSON line is compared with sla-check's, run as a program.
#   SLA_C_LIBRARY=… SLA_POLICIES=… SLA_CHECK=… ruby -I bindings/ruby tests/ruby/ffi_test.rb
require "minitest/autorun"
require "time"
require "open3"
require "tempfile"
require "sla_ffi"

class FFITest < Minitest::Test
  POLICIES = ENV.fetch("SLA_POLICIES")

  def utc(text) = Time.iso8601(text).utc

  def by_name(list) = list.to_h { |d| [d[:name], d] }

  def test_incident_deadlines
    # avallain.yaml: incident/urgent on `always` (24/7): response 15m, resolution 8h.
    policy = SLA::Policy.load("#{POLICIES}/avallain.yaml")
    assert_equal "avallain", policy.name
    d = by_name(policy.deadlines(created: "2026-11-23T10:00:00Z", type: "incident", severity: "urgent"))
    assert_equal %w[response resolution], d.keys
    assert_equal utc("2026-11-23T10:15:00Z"), d["response"][:deadline]
    assert_equal "15m", d["response"][:amount]
    assert_equal utc("2026-11-23T18:00:00Z"), d["resolution"][:deadline]
    assert_equal 8 * 3600, d["resolution"][:amount_seconds]
  end

  def test_tenant_calendar_across_daylight_saving
    # xen.yaml, standard plan, critical: response 1h, resolution 2h on `business`, Mon–Fri
    # 08:00–20:00 in the tenant's zone (default Australia/Sydney). Created Friday 2026-10-02
    # 19:30 AEST (+10) = 09:30Z. Sydney moves to AEDT (+11) on Sunday 2026-10-04, so Monday
    # opens at 08:00 AEDT = Sunday 21:00Z. Response: 30 min on Friday, 30 min on Monday → 21:30Z.
    # Resolution: 30 min + 1h30 → Monday 09:30 AEDT = 2026-10-04T22:30:00Z.
    policy = SLA::Policy.load("#{POLICIES}/xen.yaml")
    d = by_name(policy.deadlines(created: "2026-10-02T09:30:00Z", severity: "critical", type: "support"))
    assert_equal utc("2026-10-04T21:30:00Z"), d["response"][:deadline]
    assert_equal utc("2026-10-04T22:30:00Z"), d["resolution"][:deadline]
    # The same calendar for a tenant in Berlin (CEST, +2, until 25 October): Friday
    # 2026-10-02T17:30:00Z is 19:30 CEST; 30 min on Friday, then Monday 08:00 CEST = 06:00Z + 30 min.
    berlin = by_name(policy.deadlines(created: "2026-10-02T17:30:00Z", severity: "critical", type: "support",
                                      timezone: "Europe/Berlin"))
    assert_equal utc("2026-10-05T06:30:00Z"), berlin["response"][:deadline]
    assert_equal 3600, policy.calendar("business", timezone: "Europe/Berlin")
                             .elapsed("2026-10-02T17:30:00Z", "2026-10-05T06:30:00Z")
  end

  def test_calendar_with_a_holiday
    # Mon–Fri 08:00–18:00 New York, Thanksgiving (Thursday 2026-11-26) closed. From Wednesday
    # 15:00 EST (20:00Z): 4h is 3h on Wednesday and 1h on Friday from 08:00 EST → 14:00Z; one
    # business day lands on Friday 15:00 EST = 20:00Z; Thursday is closed.
    calendar = SLA::Calendar.parse({ timezone: "America/New_York", hours: { "mon-fri" => ["08:00-18:00"] },
                                     holidays: [{ date: "2026-11-26", name: "Thanksgiving" }] })
    assert_equal utc("2026-11-27T14:00:00Z"), calendar.add("2026-11-25T20:00:00Z", 4 * 3600)
    assert_equal utc("2026-11-27T20:00:00Z"), calendar.add_business_days("2026-11-25T20:00:00Z", 1)
    refute calendar.open?("2026-11-26T15:00:00Z")
    assert_equal 4 * 3600, calendar.elapsed("2026-11-25T20:00:00Z", "2026-11-27T14:00:00Z")
    assert_nil SLA::Calendar.parse("{timezone: UTC, hours: {}}").next_open("2026-11-25T20:00:00Z")
  end

  def test_ticket_clocks_match_sla_check
    # avallain.yaml, incident/urgent created 10:00Z; a reply at 10:15:01Z is one second late:
    # response breached at 10:15:00Z. At 12:00Z the resolution (8h) has 2h accrued, due 18:00Z.
    policy = SLA::Policy.load("#{POLICIES}/avallain.yaml")
    tracker = SLA::Tracker.new(policy, "T-1")
    tracker.append("2026-11-23T10:00:00Z", "created", type: "incident", severity: "urgent")
    tracker.append(Time.utc(2026, 11, 23, 10, 15, 1), "responded")
    ev = tracker.evaluate("2026-11-23T12:00:00Z")
    response, resolution = ev[:targets]
    assert_equal "breached", response[:state]
    assert_equal utc("2026-11-23T10:15:00Z"), response[:breached_at]
    assert_equal %w[75% 90%], response[:warnings]
    assert_equal "running", resolution[:state]
    assert_equal 7200, resolution[:accrued_seconds]
    assert_equal utc("2026-11-23T18:00:00Z"), resolution[:deadline]
    assert_equal utc("2026-11-23T16:00:00Z"), ev[:next_change]  # the 75% warning: 10:00 + 6h

    log = Tempfile.new(["events", ".jsonl"])
    log.write(%({"ticket": "T-1", "at": "2026-11-23T10:00:00Z", "event": "created", "type": "incident", "severity": "urgent"}\n))
    log.write(%({"ticket": "T-1", "at": "2026-11-23T10:15:01Z", "event": "responded"}\n))
    log.close
    out, status = Open3.capture2(ENV.fetch("SLA_CHECK"), "--policy", "#{POLICIES}/avallain.yaml",
                                 "--now", "2026-11-23T12:00:00Z", log.path, err: File::NULL)
    assert status.success?
    assert_equal out.chomp, tracker.evaluate_json("2026-11-23T12:00:00Z")
  end

  def test_errors_say_what_and_where
    error = assert_raises(SLA::Error) do
      SLA::Policy.parse("policy: broken\ntypes: [incident]\ncalendars:\n  always: {timezone: UTC, hours: always}\n" \
                        "targets:\n  - calendar: always\n    targets: {response: soon}\n", source: "broken.yaml")
    end
    assert_equal "invalid_policy", error.code
    assert_equal "broken.yaml", error.file
    assert_equal 7, error.line
    assert error.column.positive?
    assert_match(/response/, error.path)
    assert_match(/\Abroken\.yaml:7:\d+: /, error.message)

    assert_equal "io", assert_raises(SLA::Error) { SLA::Policy.load("/nonexistent.yaml") }.code
    tracker = SLA::Tracker.new(SLA::Policy.load("#{POLICIES}/avallain.yaml"), "T-2")
    late = assert_raises(SLA::Error) { tracker.append("2026-11-23T10:00:00Z", "responded") }
    assert_match(/ticket T-2: responded event .*: an event before created/, late.message)
    assert_equal "invalid_timestamp", assert_raises(SLA::Error) { SLA.seconds("2026-11-23 10:00") }.code
  end
end
