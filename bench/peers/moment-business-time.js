// Peer: moment-business-time (npm) with moment-timezone, on the comparison workload.
//
//   NODE_PATH=<scratch>/node_modules node moment-business-time.js WORKLOAD.tsv HOLIDAYS.txt > out.tsv
//
// Calendar: Mon–Fri 08:00–18:00 America/New_York, holidays (one YYYY-MM-DD a line) through the
// locale's `holidays` option. Each deadline is
//     moment.tz(start, 'America/New_York').addWorkingTime(seconds, 'seconds')
// Output: `id<TAB>deadline` (seconds since the epoch). Timing: process.hrtime around the loop of
// addWorkingTime calls alone — the moments are built from the epoch seconds before the loop and
// the results are formatted after it; the loop only clones the start, adds, and reads .unix().
// Prints `ops=N ns_per_op=X` to standard error.
'use strict';

const fs = require('fs');
const moment = require('moment-timezone');
require('moment-business-time');  // patches the same moment instance (npm dedupes `moment`)

const [workloadPath, holidaysPath] = process.argv.slice(2);
const holidays = fs.readFileSync(holidaysPath, 'utf8').split('\n').filter(Boolean);
const open = ['08:00:00', '18:00:00'];
moment.updateLocale('en', {
  workinghours: {0: null, 1: open, 2: open, 3: open, 4: open, 5: open, 6: null},
  holidays,
});
if (typeof moment.fn.addWorkingTime !== 'function') {
  console.error('moment-business-time did not patch moment-timezone\'s moment (two copies of moment?)');
  process.exit(2);
}

const rows = fs.readFileSync(workloadPath, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
const ids = rows.map((r) => r[0]);
const starts = rows.map((r) => moment.tz(Number(r[1]) * 1000, 'America/New_York'));
const seconds = rows.map((r) => Number(r[2]));
const results = new Array(rows.length);

const began = process.hrtime.bigint();
for (let i = 0; i < rows.length; ++i) {
  results[i] = starts[i].clone().addWorkingTime(seconds[i], 'seconds').unix();
}
const elapsed = process.hrtime.bigint() - began;

process.stdout.write(ids.map((id, i) => `${id}\t${results[i]}`).join('\n') + '\n');
console.error(`ops=${rows.length} ns_per_op=${(Number(elapsed) / rows.length).toFixed(1)}`);
