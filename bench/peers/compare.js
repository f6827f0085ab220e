// Compares a peer's deadlines with sla-engine's (sla-calc) on the same workload.
//
//   node compare.js WORKLOAD.tsv SLA.jsonl SLA_NEXT_OPEN.jsonl PEER_NAME PEER.tsv
//
// Each deadline the peer computed falls in one class:
//   agree          the same instant as sla-engine
//   next_opening   sla-engine lands on a window's close (the deadline uses up the last second of
//                  the window) and the peer on the next opening after it: the same business
//                  time, a different convention for the boundary instant
//   no_answer      the peer gave none (Business::Hours: -1, it looks at most 30 days ahead)
//   other          anything else: a real disagreement; up to 5 are printed with local times
// Prints one summary line `compare peer=… compared=N agree=… next_opening=… no_answer=… other=…`.
'use strict';

const fs = require('fs');
const [workloadPath, slaPath, nextOpenPath, peer, peerPath] = process.argv.slice(2);
if (!peerPath) {
  console.error('usage: node compare.js WORKLOAD.tsv SLA.jsonl SLA_NEXT_OPEN.jsonl PEER_NAME PEER.tsv');
  process.exit(2);
}

const lines = (p) => fs.readFileSync(p, 'utf8').split('\n').filter(Boolean);
const epoch = (iso) => Date.parse(iso) / 1000;
const workload = new Map(lines(workloadPath).map((l) => {
  const [id, start, seconds] = l.split('\t');
  return [id, {start: Number(start), seconds: Number(seconds)}];
}));
const byId = (p) => new Map(lines(p).map((l) => JSON.parse(l)).map((a) => [String(a.id), a]));
const sla = byId(slaPath);
const nextOpen = byId(nextOpenPath);

const local = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
});
const show = (s) => (Number.isFinite(s) && s > 0 ? local.format(new Date(s * 1000)) : String(s));

const counts = {agree: 0, next_opening: 0, no_answer: 0, other: 0};
const examples = [];
let compared = 0;
for (const line of lines(peerPath)) {
  const [id, value] = line.split('\t');
  const answer = sla.get(id);
  if (!answer || typeof answer.result !== 'string') {
    console.error(`compare: sla-calc has no result for id ${id}: ${JSON.stringify(answer)}`);
    process.exit(1);
  }
  ++compared;
  const ours = epoch(answer.result);
  const theirs = Number(value);
  const opening = nextOpen.has(id) ? epoch(nextOpen.get(id).result) : NaN;
  if (theirs === ours) ++counts.agree;
  else if (!Number.isFinite(theirs) || theirs < 0) ++counts.no_answer;
  else if (opening !== ours && theirs === opening) ++counts.next_opening;
  else {
    ++counts.other;
    if (examples.length < 5) {
      const w = workload.get(id);
      examples.push(`  id ${id}: start ${show(w.start)} + ${w.seconds} s: sla-engine ${show(ours)}, ${peer} ${show(theirs)}`);
    }
  }
}
console.log(`compare peer=${peer} compared=${compared} agree=${counts.agree} next_opening=${counts.next_opening} ` +
            `no_answer=${counts.no_answer} other=${counts.other}`);
for (const e of examples) console.log(e);
