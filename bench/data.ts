// Reads a benchmark folder (results.jsonl, needs.jsonl, qrels.tsv; see ../shared/bench/README.md).
import fs from "node:fs";
import path from "node:path";
import { parseQrels, type Qrels } from "./metrics";

export type BenchResult = { id: string; title: string; abstract: string; keywords: string[]; discipline: string; lang: "zh" | "en" };
export type BenchNeed = { id: string; title: string; description: string; lang: "zh" | "en" };

const jsonl = <T>(file: string): T[] =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export function readBench(folder: string): { results: BenchResult[]; needs: BenchNeed[]; qrels: Qrels } {
  const dir = path.resolve(folder);
  return {
    results: jsonl<BenchResult>(path.join(dir, "results.jsonl")),
    needs: jsonl<BenchNeed>(path.join(dir, "needs.jsonl")),
    qrels: parseQrels(fs.readFileSync(path.join(dir, "qrels.tsv"), "utf8")),
  };
}

export function folderArg(): string {
  const folder = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!folder) {
    console.error("usage: npm run bench:match -- <folder with results.jsonl, needs.jsonl, qrels.tsv>");
    process.exit(2);
  }
  return folder;
}
