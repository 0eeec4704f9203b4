// npm run bench:match -- <folder>
// Loads a folder's results into a fresh, isolated index (unique prefix) through the production
// indexing code, runs the production matcher for every need and prints, as its LAST line, one
// JSON object with nDCG@10, Recall@10, Recall@100, MRR@10, p50/p95 latency (ms) and the number
// of needs scored. Qrels are read only for scoring.
import { randomBytes } from "node:crypto";
import { readBench, folderArg } from "./data";
import { evaluate } from "./metrics";
import os from "node:os";
import fs from "node:fs";
import { processCpuMs, startMeili } from "./meili-server";
import type { ResultRow } from "@/lib/search/documents";

const folder = folderArg();
const { results, needs, qrels } = readBench(folder);
const meili = await startMeili();
process.env.MEILI_URL = meili.url;
process.env.MEILI_MASTER_KEY = meili.key;
process.env.MEILI_INDEX_PREFIX = `bench_${randomBytes(4).toString("hex")}_`;

// Imported after the env is set (the client reads it on use anyway).
const { resultDocument } = await import("@/lib/search/documents");
const { indexDocumentsBulk } = await import("@/lib/search/sync");
const { getMeili, indexUid, matchIndexUid } = await import("@/lib/search/client");
const { matchSubject } = await import("@/lib/matching/matcher");

try {
  const now = new Date();
  const rows: ResultRow[] = results.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.abstract,
    description: null,
    field: r.discipline ?? "",
    keywords: r.keywords ?? [],
    lang: r.lang === "en" ? "en" : "zh",
    status: "PUBLISHED",
    trl: null,
    transferModes: [],
    chainNodeId: null,
    organisationId: "bench",
    version: 1,
    createdAt: now,
    organisation: { name: "bench", region: null },
    chainNode: null,
  }));
  const t0 = Date.now();
  const docs = rows.map((r) => resultDocument(r)!).filter(Boolean);
  await indexDocumentsBulk("results", docs);
  console.error(`indexed ${docs.length} results in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Warm-up (jieba and dictionary loading, connection) outside the timed runs.
  await matchSubject({ text: { title: needs[0]?.title ?? "warm up" } }, "results", { limit: 100 });

  // BENCH_VARIANTS='[{"gram":{"weight":2}}, ...]': extra runs with config overrides (deep-merged
  // into MATCH_CONFIG) over the same index, printed on stderr - for developing the method.
  const { MATCH_CONFIG } = await import("@/lib/matching/config");
  const merge = (a: unknown, b: unknown): unknown =>
    b && typeof b === "object" && !Array.isArray(b) && a && typeof a === "object"
      ? Object.fromEntries(
          [...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, merge((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])]),
        )
      : (b ?? a);
  for (const v of JSON.parse(process.env.BENCH_VARIANTS ?? "[]") as unknown[]) {
    const config = merge(MATCH_CONFIG, v) as typeof MATCH_CONFIG;
    const vr = new Map<string, string[]>();
    for (const need of needs) {
      const res = await matchSubject({ text: { title: need.title, body: need.description } }, "results", { limit: 100, config });
      if (res.ok)
        vr.set(
          need.id,
          res.matches.map((m) => m.id),
        );
    }
    console.error(`variant ${JSON.stringify(v)}: ${JSON.stringify(evaluate(vr, qrels, [0]))}`);
  }

  const dump: string[] | null = process.env.BENCH_DUMP ? [] : null;
  const runs = new Map<string, string[]>();
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const meiliCpu0 = processCpuMs(meili.pid);
  const load0 = os.loadavg()[0]!;
  for (const need of needs) {
    const start = performance.now();
    const res = await matchSubject({ text: { title: need.title, body: need.description } }, "results", { limit: 100 });
    latencies.push(performance.now() - start);
    if (!res.ok) throw new Error("Meilisearch unavailable during the benchmark");
    runs.set(
      need.id,
      res.matches.map((m) => m.id),
    );
    // BENCH_DUMP=<file>: the evidence of the top 20 with their judgments (for bench/calibrate.ts).
    if (dump)
      for (const m of res.matches.slice(0, 20))
        dump.push(JSON.stringify({ folder, need: need.id, id: m.id, ...m.evidence, gain: qrels.get(need.id)?.get(m.id) ?? 0 }));
  }
  if (dump) fs.appendFileSync(process.env.BENCH_DUMP!, dump.join("\n") + "\n");
  const figures = evaluate(runs, qrels, latencies);
  // Context for the latency figures (stderr: the last stdout line is the JSON object only).
  const cpu = process.cpuUsage(cpu0);
  const perNeed = (ms: number) => (ms / Math.max(1, needs.length)).toFixed(1);
  console.error(
    `CPU per need: matcher (node) ${perNeed((cpu.user + cpu.system) / 1000)} ms` +
      (meili.pid ? `, Meilisearch ${perNeed(processCpuMs(meili.pid) - meiliCpu0)} ms` : "") +
      `; load average ${load0.toFixed(1)} -> ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
  await getMeili()
    .deleteIndex(indexUid("results"))
    .waitTask()
    .catch(() => {});
  await getMeili()
    .deleteIndex(matchIndexUid("results"))
    .waitTask()
    .catch(() => {});
  await meili.stop();
  console.log(JSON.stringify(figures));
  process.exit(0);
} catch (e) {
  await meili.stop();
  throw e;
}
