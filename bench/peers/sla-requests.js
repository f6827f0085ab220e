// sla-calc requests (JSON Lines) for the peer comparison.
//
//   node sla-requests.js add WORKLOAD.tsv HOLIDAYS.txt > add.jsonl
//       one `add` per workload line: start + seconds of business time
//   node sla-requests.js next_open SLA_RESULTS.jsonl HOLIDAYS.txt > next-open.jsonl
//       one `next_open` per sla-calc answer: the opening that follows each deadline, used to
//       recognise a peer that lands on the next opening where sla-engine lands on the close
//
// Calendar: Mon–Fri 08:00–18:00 America/New_York with the holidays given (the same list the
// peers get), written once and repeated on every line byte for byte (sla-calc compiles it once).
'use strict';

const fs = require('fs');
const [mode, inputPath, holidaysPath] = process.argv.slice(2);
if (!holidaysPath || (mode !== 'add' && mode !== 'next_open')) {
  console.error('usage: node sla-requests.js add|next_open INPUT HOLIDAYS.txt');
  process.exit(2);
}
const holidays = fs.readFileSync(holidaysPath, 'utf8').split('\n').filter(Boolean);
const calendar = JSON.stringify({
  timezone: 'America/New_York',
  hours: {'mon-fri': ['08:00-18:00']},
  holidays,
});
const iso = (epochSeconds) => new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');

const out = [];
for (const line of fs.readFileSync(inputPath, 'utf8').split('\n')) {
  if (!line) continue;
  if (mode === 'add') {
    const [id, start, seconds] = line.split('\t');
    out.push(`{"id": ${id}, "calendar": ${calendar}, "op": "add", "start": "${iso(Number(start))}", "seconds": ${seconds}}`);
  } else {
    const answer = JSON.parse(line);
    if (typeof answer.result !== 'string') continue;
    out.push(`{"id": ${answer.id}, "calendar": ${calendar}, "op": "next_open", "start": "${answer.result}"}`);
  }
}
process.stdout.write(out.join('\n') + '\n');
