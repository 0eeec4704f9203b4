// npx tsx bench/calibrate.ts <dump.jsonl>
// Fits the calibration curves of lib/matching/calibrate.ts on the benchmark judgments: per
// channel, a logistic regression of "relevant" (judged gain > 0) on two need-independent
// features of a match's evidence: its share of the best score the subject could reach, and its
// lift, log(share / background), the background being the mean share of the subject's candidates
// ranked 11-20 on that channel (a match that does not stand out of the crowd is weak, however
// high the crowd scores). Data: the top 20 of every need, written by
// `BENCH_DUMP=<file> npm run bench:match -- <folder>` (several folders appended; a folder run
// twice counts once). Prints the coefficients, the median background, and predicted-vs-observed
// bins per folder.
import fs from "node:fs";
import { BACKGROUND_RANKS, backgroundShare } from "@/lib/matching/calibrate";

type Row = { folder: string; need: string; channel: "word" | "gram"; share: number; gain: number };
const blocks = new Map<string, Row[]>();
let current = "";
for (const l of fs.readFileSync(process.argv[2]!, "utf8").trim().split("\n")) {
  const r = JSON.parse(l) as Row;
  const key = `${r.folder}\u0000${r.need}`;
  if (key !== current) blocks.set(key, []);
  current = key;
  blocks.get(key)!.push(r);
}

type Point = { share: number; lift: number; y: number; w: number; folder: string };
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
for (const channel of ["word", "gram"] as const) {
  const points: Omit<Point, "w">[] = [];
  const backgrounds: number[] = [];
  for (const block of blocks.values()) {
    const shares = block.filter((r) => r.channel === channel && r.share > 0).sort((a, b) => b.share - a.share);
    if (shares.length < BACKGROUND_RANKS[0] + 5) continue;
    const bg = backgroundShare(shares.map((r) => r.share))!;
    backgrounds.push(bg);
    for (const r of shares) points.push({ share: r.share, lift: Math.log(r.share / bg), y: r.gain > 0 ? 1 : 0, folder: r.folder });
  }
  // Every folder weighs the same; a folder with only a handful of pairs on a channel is left out.
  const perFolder = new Map<string, number>();
  for (const p of points) perFolder.set(p.folder, (perFolder.get(p.folder) ?? 0) + 1);
  for (const [f, n] of perFolder) if (n < 200) perFolder.delete(f);
  const data: Point[] = points.filter((p) => perFolder.has(p.folder)).map((p) => ({ ...p, w: 1000 / perFolder.get(p.folder)! }));
  if (!data.length) continue;
  let [a, c, b] = fit(data, false);
  // The curve must rise with the share over all of (0, 1] (the ranking follows it): its slope
  // there, share + lift / s, is smallest at s = 1. A fit that would fall near 1 is refitted with
  // share = -lift (the slope is then 0 at s = 1 and positive below).
  if (a + c < 0) {
    console.log(
      `${channel}: unconstrained fit share ${a.toFixed(2)}, lift ${c.toFixed(2)} falls above s = ${(-c / a).toFixed(2)}: refitted with share = -lift`,
    );
    [a, c, b] = fit(data, true);
  }
  backgrounds.sort((x, y) => x - y);
  const median = backgrounds[Math.floor(backgrounds.length / 2)]!;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  console.log(`${channel}: { share: ${r2(a)}, lift: ${r2(c)}, bias: ${r2(b)}, background: ${Math.round(median * 1000) / 1000} } (${data.length} judged pairs)`);
  for (const f of perFolder.keys()) {
    const mine = data.filter((p) => p.folder === f);
    for (const [lo, hi] of [
      [0, 0.1],
      [0.1, 0.2],
      [0.2, 0.4],
      [0.4, 0.6],
      [0.6, 0.8],
      [0.8, 1.01],
    ] as const) {
      const bin = mine.filter((p) => {
        const q = sigmoid(a * p.share + c * p.lift + b);
        return q >= lo && q < hi;
      });
      if (!bin.length) continue;
      const pred = bin.reduce((s, p) => s + sigmoid(a * p.share + c * p.lift + b), 0) / bin.length;
      console.log(
        `  ${f.split("/").pop()} predicted ${lo}-${hi}: n ${bin.length}, mean predicted ${pred.toFixed(2)}, observed ${(bin.filter((p) => p.y).length / bin.length).toFixed(2)}`,
      );
    }
  }
}

/**
 * Newton's method on the weighted log-likelihood: 3 parameters (share, lift, bias), or with
 * `tied`, 2 (the lift's coefficient c, bias; share = -c), returned as [share, lift, bias].
 */
function fit(data: readonly Point[], tied: boolean): [number, number, number] {
  const features = (p: Point) => (tied ? [p.lift - p.share, 1, 0] : [p.share, p.lift, 1]);
  let w = [0, 0, 0];
  for (let it = 0; it < 30; it++) {
    const g = [0, 0, 0];
    const h = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (const p of data) {
      const x = features(p);
      const q = sigmoid(w[0]! * x[0]! + w[1]! * x[1]! + w[2]! * x[2]!);
      for (let i = 0; i < 3; i++) {
        g[i]! += p.w * (p.y - q) * x[i]!;
        for (let j = 0; j < 3; j++) h[i]![j]! += p.w * q * (1 - q) * x[i]! * x[j]!;
      }
    }
    // (tied: the third feature is 0; a unit diagonal keeps the system solvable)
    if (tied) h[2]![2] = 1;
    const d = solve3(h, g);
    w = w.map((v, i) => v + d[i]!);
  }
  return tied ? [-w[0]!, w[0]!, w[1]!] : [w[0]!, w[1]!, w[2]!];
}

function solve3(m: number[][], v: number[]): number[] {
  // Gaussian elimination with partial pivoting (3x3).
  const A = m.map((row, i) => [...row, v[i]!]);
  for (let i = 0; i < 3; i++) {
    let p = i;
    for (let r = i + 1; r < 3; r++) if (Math.abs(A[r]![i]!) > Math.abs(A[p]![i]!)) p = r;
    [A[i], A[p]] = [A[p]!, A[i]!];
    for (let r = i + 1; r < 3; r++) {
      const f = A[r]![i]! / (A[i]![i]! || 1e-12);
      for (let k = i; k < 4; k++) A[r]![k]! -= f * A[i]![k]!;
    }
  }
  const x = [0, 0, 0];
  for (let i = 2; i >= 0; i--) {
    let s = A[i]![3]!;
    for (let k = i + 1; k < 3; k++) s -= A[i]![k]! * x[k]!;
    x[i] = s / (A[i]![i]! || 1e-12);
  }
  return x;
}
