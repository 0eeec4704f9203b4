// npx tsx bench/calibrate.ts <dump.jsonl>
// Fits the calibration curves of lib/matching/calibrate.ts: per channel, a logistic regression of
// "relevant" (judged gain > 0) on the evidence share, over the top 20 of every benchmark need
// (the dump written by `BENCH_DUMP=<file> npm run bench:match -- <folder>`, several folders
// appended). Prints {a, b} per channel and a reliability table (predicted vs observed by bin).
import fs from "node:fs";

type Row = { folder: string; channel: "word" | "gram"; share: number; gain: number };
type Dumped = Row & { need: string };
// A folder benchmarked twice appends twice: keep each need's last run (its rows are contiguous).
const blocks = new Map<string, Dumped[]>();
let current = "";
for (const l of fs.readFileSync(process.argv[2]!, "utf8").trim().split("\n")) {
  const r = JSON.parse(l) as Dumped;
  const key = `${r.folder}\u0000${r.need}`;
  if (key !== current) blocks.set(key, []);
  current = key;
  blocks.get(key)!.push(r);
}
const rows: Row[] = [...blocks.values()].flat();

function fit(data: { x: number; y: number; w: number }[]) {
  // Newton's method on the weighted log-likelihood (2 parameters).
  let a = 1;
  let b = -2;
  for (let it = 0; it < 50; it++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (const { x, y, w } of data) {
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      ga += w * (y - p) * x;
      gb += w * (y - p);
      const v = w * p * (1 - p);
      haa += v * x * x;
      hab += v * x;
      hbb += v;
    }
    const det = haa * hbb - hab * hab || 1e-9;
    a += (hbb * ga - hab * gb) / det;
    b += (haa * gb - hab * ga) / det;
  }
  return { a: Math.round(a * 100) / 100, b: Math.round(b * 100) / 100 };
}

for (const channel of ["word", "gram"] as const) {
  const mine = rows.filter((r) => r.channel === channel && r.share > 0);
  if (!mine.length) continue;
  // Every folder weighs the same (csl-zh has 1,000 needs, the others ~120).
  const perFolder = new Map<string, number>();
  for (const r of mine) perFolder.set(r.folder, (perFolder.get(r.folder) ?? 0) + 1);
  const data = mine.map((r) => ({ x: r.share, y: r.gain > 0 ? 1 : 0, w: 1000 / perFolder.get(r.folder)! }));
  const { a, b } = fit(data);
  console.log(`${channel}: a ${a}, b ${b} (${mine.length} judged pairs from ${[...perFolder.keys()].join(", ")})`);
  const bins = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.01];
  for (let i = 0; i + 1 < bins.length; i++) {
    const inBin = mine.filter((r) => r.share >= bins[i]! && r.share < bins[i + 1]!);
    if (!inBin.length) continue;
    const pred = inBin.reduce((s, r) => s + 1 / (1 + Math.exp(-(a * r.share + b))), 0) / inBin.length;
    const obs = inBin.filter((r) => r.gain > 0).length / inBin.length;
    console.log(`  share ${bins[i]}-${bins[i + 1]}: n ${inBin.length}, predicted ${pred.toFixed(2)}, observed ${obs.toFixed(2)}`);
  }
}
