// npx tsx --conditions=react-server bench/engine-probe.ts: variants of the app's catalogue search
// request against the request as it is and a plain search {q, limit: 20}, interleaved: each bench
// query is sent once per variant per round, the variants in a random order, one request at a time.
// Meilisearch CPU per search is read from the per-thread schedstat of its process (ns, finer than
// /proc/<pid>/stat's 10 ms ticks). For each variant: top-10 overlap, same first hit, same
// highlighted text and same total against the app's request in the same run.
//
// Env as bench/search-shape.ts (DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX_PREFIX),
// BENCH_QUERIES (default 200), BENCH_PROBE_ROUNDS (default 3, the first one only warms up),
// BENCH_PROBE_VARIANTS (comma-separated names; default all).
import { readFileSync, readdirSync } from "node:fs";
import type { MultiSearchQuery } from "meilisearch";
import { prisma } from "@/lib/db";
import { scaleQueries } from "@/scripts/scale/generate";
import { indexUid } from "@/lib/search/config";
import { catalogSearchRequest } from "@/lib/search/search";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { runMain } from "./run-main";
import { meiliPost, requireMeiliPid } from "./meili-process";

const RESEARCHER = "researcher@demo.techbridge.cn";
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const ROUNDS = Number(process.env.BENCH_PROBE_ROUNDS ?? 3);

function meiliPid(): number {
  return requireMeiliPid(process.env.MEILI_URL!);
}

/** CPU time (ns) of all threads of `pid`, from each thread's schedstat. */
function cpuNs(pid: number): number {
  let sum = 0;
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    try {
      sum += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      /* thread gone */
    }
  }
  return sum;
}

type Hit = { id: string; _formatted?: Record<string, unknown>; _federation?: { queriesPosition: number } };
type Answer = { hits: Hit[]; processingTimeMs: number; estimatedTotalHits?: number; results?: Answer[] };
type Work = { q: string; type: "needs" | "results" };
type Params = { federation?: { offset?: number; limit?: number }; queries: (MultiSearchQuery & Record<string, unknown>)[] };

const post = (path: string, body: unknown) => meiliPost<Answer>(path, body);

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const SUBWORDS = new Set(["titleSubwords", "textSubwords"]);

type Query = Params["queries"][number];
/** A copy of one query without its own pagination (federated queries take none). */
const unpaged = (q: Query): Query => {
  const copy = { ...q };
  delete copy.offset;
  delete copy.limit;
  return copy;
};
/** A copy of one query with the page the app asked for, to send on its own (non-federated). */
const paged = (q: Query, p: Params): Query => ({ ...unpaged(q), offset: p.federation?.offset ?? q.offset ?? 0, limit: p.federation?.limit ?? q.limit ?? 20 });
const bare = (q: Query): Query => ({ ...q, attributesToRetrieve: ["id"], attributesToHighlight: [], attributesToCrop: [] });
const each = (p: Params, f: (q: Query) => Query): Params => ({ ...p, queries: p.queries.map(f) });

/**
 * Each variant: the /multi-search body built from the app's request (or "plain": the bench:load
 * reference). Those that change what the request answers are there to cost its parts.
 */
const variants: Record<string, (p: Params) => Params | "plain"> = {
  plain: () => "plain",
  app: (p) => p,
  // The Latin-script text does not search the Chinese-only subword fields.
  latinNoSubwords: (p) =>
    each(p, (q) => (CJK.test(String(q.q)) ? q : { ...q, attributesToSearchOn: (q.attributesToSearchOn ?? []).filter((a) => !SUBWORDS.has(a)) })),
  // No attributesToSearchOn: the index's searchableAttributes are the same list.
  noSearchOn: (p) =>
    each(p, (q) => {
      const copy = { ...q };
      delete copy.attributesToSearchOn;
      return copy;
    }),
  // Tokenizer language given per text (no detection): Chinese for a text with CJK, else English.
  locales: (p) => each(p, (q) => ({ ...q, locales: CJK.test(String(q.q)) ? ["cmn"] : ["eng"] })),
  noHighlight: (p) => each(p, (q) => ({ ...q, attributesToHighlight: undefined, attributesToCrop: undefined })),
  noCrop: (p) => each(p, (q) => ({ ...q, attributesToCrop: undefined })),
  noDescription: (p) =>
    each(p, (q) => ({
      ...q,
      attributesToHighlight: (q.attributesToHighlight ?? []).filter((a) => a !== "description"),
      attributesToCrop: (q.attributesToCrop ?? []).filter((a) => a !== "description"),
    })),
  idsOnly: (p) => each(p, (q) => ({ ...q, attributesToRetrieve: ["id", "version"] })),
  matchingAll: (p) => each(p, (q) => ({ ...q, matchingStrategy: "all" as const })),
  // Both texts as two lists (no federation: no union total, no merge).
  twoSeparate: (p) => ({ queries: p.queries.map((q) => paged(q, p)) }),
  firstOnly: (p) => ({ queries: [paged(p.queries[0]!, p)] }),
  secondOnly: (p) => ({ queries: [paged(p.queries[p.queries.length - 1]!, p)] }),
  fedFirstOnly: (p) => ({ federation: p.federation ?? { limit: 20 }, queries: [unpaged(p.queries[0]!)] }),
  firstScore: (p) => ({ queries: [{ ...paged(p.queries[0]!, p), showRankingScore: true }] }),
  firstDetails: (p) => ({ queries: [{ ...paged(p.queries[0]!, p), showRankingScoreDetails: true }] }),
  firstBare: (p) => ({ queries: [bare(paged(p.queries[0]!, p))] }),
  fedFirstBare: (p) => ({ federation: { limit: 20 }, queries: [bare(unpaged(p.queries[0]!))] }),
  fedFirstBare0: (p) => ({ federation: { limit: 0 }, queries: [bare(unpaged(p.queries[0]!))] }),
  // The union total alone.
  fedCount: (p) => ({ federation: { limit: 0 }, queries: p.queries.map((q) => ({ ...bare(unpaged(q)), attributesToRetrieve: [] })) }),
};

async function main() {
  const pid = meiliPid();
  const user = await prisma.user.findUniqueOrThrow({ where: { email: RESEARCHER }, select: actorUserSelect() });
  const viewer = toActor(user);
  const work: Work[] = scaleQueries(QUERIES).map((q, i) => ({ q, type: i % 4 === 3 ? "needs" : "results" }));
  const chosen = process.env.BENCH_PROBE_VARIANTS ? process.env.BENCH_PROBE_VARIANTS.split(",") : Object.keys(variants);
  for (const v of ["plain", "app"]) if (!chosen.includes(v)) chosen.unshift(v);
  const appParams = (w: Work) => {
    const r = catalogSearchRequest({ q: w.q, type: w.type, viewer, limit: 20 });
    if ("invalidFilter" in r) throw new Error(r.invalidFilter);
    return r.params as Params;
  };
  const send = async (name: string, w: Work): Promise<Answer> => {
    const body = variants[name]!(appParams(w));
    if (body === "plain") return post(`/indexes/${indexUid(w.type)}/search`, { q: w.q, limit: 20 });
    const a = await post("/multi-search", body);
    return a.results ? a.results[0]! : a;
  };
  const ns: Record<string, number> = Object.fromEntries(chosen.map((v) => [v, 0]));
  const processing: Record<string, number> = Object.fromEntries(chosen.map((v) => [v, 0]));
  const answers = new Map<string, Answer>();
  const t0 = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, w] of work.entries()) {
      const order = [...chosen].sort(() => Math.random() - 0.5);
      for (const name of order) {
        const c0 = cpuNs(pid);
        const a = await send(name, w);
        const c1 = cpuNs(pid);
        if (round > 0) {
          ns[name]! += c1 - c0;
          processing[name]! += a.processingTimeMs;
        }
        if (round === ROUNDS - 1) answers.set(`${name}\u0000${i}`, a);
      }
    }
  }
  const measured = work.length * Math.max(1, ROUNDS - 1);
  const per = (name: string) => ns[name]! / measured / 1e6;
  console.log(`${work.length} queries x ${ROUNDS - 1} measured rounds, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const snippetOf = (h: Hit) => Object.values(h._formatted ?? {}).filter((v): v is string => typeof v === "string" && v.includes("\u0002"));
  for (const name of chosen) {
    let shared = 0;
    let total = 0;
    let sameTop = 0;
    let sameHl = 0;
    let compared = 0;
    let sameTotal = 0;
    for (const i of work.keys()) {
      const b = answers.get(`app\u0000${i}`)!;
      const a = answers.get(`${name}\u0000${i}`)!;
      const bIds = b.hits.slice(0, 10).map((h) => String(h.id));
      const aIds = a.hits.slice(0, 10).map((h) => String(h.id));
      const set = new Set(aIds);
      shared += bIds.filter((id) => set.has(id)).length;
      total += Math.max(aIds.length, bIds.length);
      if (aIds[0] === bIds[0]) sameTop++;
      if (a.estimatedTotalHits === b.estimatedTotalHits) sameTotal++;
      for (const [j, id] of bIds.entries()) {
        const k = aIds.indexOf(id);
        if (k < 0) continue;
        compared++;
        if (snippetOf(a.hits[k]!).join(" | ") === snippetOf(b.hits[j]!).join(" | ")) sameHl++;
      }
    }
    console.log(
      `${name.padEnd(16)} ${per(name).toFixed(2).padStart(6)} ms CPU  (${(per(name) / per("plain")).toFixed(2)}x plain, ${(per(name) / per("app")).toFixed(2)}x app)  ` +
        `processingTimeMs ${(processing[name]! / measured).toFixed(2)}  top-10 ${((shared / Math.max(1, total)) * 100).toFixed(1)}%  first ${sameTop}/${work.length}  ` +
        `highlights ${sameHl}/${compared}  total ${sameTotal}/${work.length}`,
    );
  }
}

runMain(main);
