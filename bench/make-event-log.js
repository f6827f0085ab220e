// Writes a ticket event log (JSON Lines, the format sla-check reads) for policies/avallain.yaml:
// TICKETS tickets of 10 events each, in time order across tickets (as a real log interleaves
// them). Deterministic (fixed-seed splitmix64).
//
//   node make-event-log.js TICKETS SEED [resolved] > events.jsonl
//
// Each ticket has the shape of bench/ticket_bench.cpp's: created (bug/urgent and
// incident/urgent alternately), open, in_progress, waiting_for_customer (pauses), in_progress,
// responded, waiting_for_customer, in_progress, escalated, in_progress — gaps of minutes to two
// days. Tickets are created uniformly over 2026-09-01..2026-11-10 UTC, so with
// --now 2026-11-23T12:00:00Z every event is in the past and every ticket is evaluated whole.
// With `resolved`, each ticket's last event is `resolved` instead of the last in_progress: every
// ticket finishes (sla-check then keeps its history on file, not in memory).
'use strict';

const args = process.argv.slice(2);
const resolved = args[2] === 'resolved';
if (args.length < 2 || args.length > 3 || (args.length === 3 && !resolved)) {
  console.error('usage: node make-event-log.js TICKETS SEED [resolved]');
  process.exit(2);
}
const [tickets, seed] = args.slice(0, 2).map(BigInt);
let state = seed;
const mask = (1n << 64n) - 1n;
function next() {  // splitmix64
  state = (state + 0x9e3779b97f4a7c15n) & mask;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
  return Number((z ^ (z >> 31n)) >> 11n);  // 53 bits
}
const uniform = (lo, hi) => lo + (next() % (hi - lo + 1));

const from = Date.UTC(2026, 8, 1) / 1000, to = Date.UTC(2026, 10, 10) / 1000;
const events = [];  // [at, order, text]
const gaps = [[1, 30], [10, 120], [30, 240], [60, 2880], [5, 60], [60, 600], [60, 2880], [60, 600], [60, 600]];
const kinds = ['open', 'in_progress', 'waiting_for_customer', 'in_progress', null, 'waiting_for_customer', 'in_progress',
               'escalated', 'in_progress'];
const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
for (let i = 0; i < Number(tickets); ++i) {
  const id = `T-${i}`;
  const type = i % 2 ? 'incident' : 'bug';
  let t = from + uniform(0, (to - from) / 60) * 60;
  events.push([t, events.length,
               `{"ticket": "${id}", "at": "${iso(t)}", "event": "created", "type": "${type}", "severity": "urgent"}`]);
  for (let k = 0; k < gaps.length; ++k) {
    t += uniform(gaps[k][0], gaps[k][1]) * 60;
    const body = resolved && k === gaps.length - 1 ? '"event": "resolved"'
      : kinds[k] ? `"event": "status", "status": "${kinds[k]}"` : '"event": "responded"';
    events.push([t, events.length, `{"ticket": "${id}", "at": "${iso(t)}", ${body}}`]);
  }
}
events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const chunk = 100000;
for (let i = 0; i < events.length; i += chunk)
  process.stdout.write(events.slice(i, i + chunk).map((e) => e[2]).join('\n') + '\n');
