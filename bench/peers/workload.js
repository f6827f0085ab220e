// Writes the peer-comparison workload, one deadline per line: `id<TAB>start<TAB>seconds`, with
// `start` in seconds since the epoch. Deterministic (a fixed-seed splitmix64), so every run and
// every peer sees the same deadlines.
//
//   node workload.js COUNT SEED FROM_EPOCH TO_EPOCH MIN_SECONDS MAX_SECONDS > workload.tsv
//
// Starts are uniform whole seconds in [FROM, TO); durations are uniform whole minutes in
// [MIN_SECONDS, MAX_SECONDS] (equal bounds: one fixed duration).
'use strict';

const [count, seed, from, to, minSeconds, maxSeconds] = process.argv.slice(2).map(BigInt);
if (maxSeconds === undefined) {
  console.error('usage: node workload.js COUNT SEED FROM_EPOCH TO_EPOCH MIN_SECONDS MAX_SECONDS');
  process.exit(2);
}

let state = seed;
const mask = (1n << 64n) - 1n;
function next() {  // splitmix64
  state = (state + 0x9e3779b97f4a7c15n) & mask;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
  return z ^ (z >> 31n);
}

const lines = [];
const minMinutes = minSeconds / 60n, maxMinutes = maxSeconds / 60n;
for (let i = 0n; i < count; ++i) {
  const start = from + (next() % (to - from));
  const minutes = minMinutes + (next() % (maxMinutes - minMinutes + 1n));
  lines.push(`${i}\t${start}\t${minutes * 60n}`);
}
process.stdout.write(lines.join('\n') + '\n');
