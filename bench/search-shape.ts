// npx tsx --conditions=react-server bench/search-shape.ts: what the app's catalogue search asks of
// Meilisearch, against a plain search {q, limit: 20} of the same text on the same index, on the
// bench:load queries (scripts/scale/generate.ts scaleQueries) and the catalogue that seed:scale +
// reindex made (same DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX_PREFIX).
//
// One request at a time (no queueing in the figures): for each shape, Meilisearch's CPU time per
// request (from /proc, the Meilisearch process serving MEILI_URL) and its own processingTimeMs;
// then the top-10 overlap of the app's request as it is against BENCH_SHAPE_BASELINE (a JSON file
// of {query, type, ids[], highlights[]} written by an earlier run with BENCH_SHAPE_WRITE=<file>),
// so a change of the request shows what it changed in the hits users see.
//
// Env: BENCH_QUERIES (default 200), BENCH_SHAPE_ROUNDS (default 2: the first warms the caches).
import { readFileSync, writeFileSync } from "node:fs";
import { prisma } from "@/lib/db";
import { scaleQueries } from "@/scripts/scale/generate";
import { indexUid } from "@/lib/search/config";
import { catalogSearchRequest } from "@/lib/search/search";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { runMain } from "./run-main";
import { meiliPost, requireMeiliPid } from "./meili-process";

const RESEARCHER = "researcher@demo.techbridge.cn";
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const ROUNDS = Number(process.env.BENCH_SHAPE_ROUNDS ?? 2);

function meiliPid(): number {
  return requireMeiliPid(process.env.MEILI_URL!);
}
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8");
  const parts = f.slice(f.lastIndexOf(")") + 2).split(" ");
  return (Number(parts[11]) + Number(parts[12])) * 10;
};

type Hit = { id: string; _formatted?: Record<string, unknown> };
type Answer = { hits: Hit[]; processingTimeMs: number; estimatedTotalHits?: number };

const post = (path: string, body: unknown) => meiliPost<Answer>(path, body);

async function main() {
  const pid = meiliPid();
  const user = await prisma.user.findUniqueOrThrow({ where: { email: RESEARCHER }, select: actorUserSelect() });
  const viewer = toActor(user);
  const work = scaleQueries(QUERIES).map((q, i) => ({ q, type: (i % 4 === 3 ? "needs" : "results") as "needs" | "results" }));
  const appRequest = (w: (typeof work)[number]) => {
    const r = catalogSearchRequest({ q: w.q, type: w.type, viewer, limit: 20 });
    if ("invalidFilter" in r) throw new Error(r.invalidFilter);
    return r.params;
  };
  const shapes: Record<string, (w: (typeof work)[number]) => Promise<Answer>> = {
    plain: (w) => post(`/indexes/${indexUid(w.type)}/search`, { q: w.q, limit: 20 }),
    // A federated multi-search answers one list; a non-federated one (a query that does not
    // translate) answers one list per query.
    app: async (w) => {
      const a = (await post("/multi-search", appRequest(w))) as Answer & { results?: Answer[] };
      return a.results ? a.results[0]! : a;
    },
  };
  const answers = new Map<string, Answer>();
  const figures: Record<string, { cpuMsPerReq: number; processingMsPerReq: number }> = {};
  for (const [name, send] of Object.entries(shapes)) {
    for (let round = 0; round < ROUNDS; round++) {
      const cpu0 = cpuMs(pid);
      let processing = 0;
      for (const [i, w] of work.entries()) {
        const a = await send(w);
        processing += a.processingTimeMs;
        if (name === "app") answers.set(String(i), a);
      }
      if (round === ROUNDS - 1) {
        figures[name] = {
          cpuMsPerReq: Math.round(((cpuMs(pid) - cpu0) / work.length) * 100) / 100,
          processingMsPerReq: Math.round((processing / work.length) * 100) / 100,
        };
      }
    }
    console.log(`${name}: ${JSON.stringify(figures[name])}`);
  }
  console.log(`engine cost ratio app / plain: CPU ${(figures.app!.cpuMsPerReq / figures.plain!.cpuMsPerReq).toFixed(2)}`);

  const snippetOf = (h: Hit) => Object.values(h._formatted ?? {}).filter((v): v is string => typeof v === "string" && v.includes("\u0002"));
  const now = work.map((w, i) => {
    const hits = answers.get(String(i))!.hits.slice(0, 10);
    return {
      query: w.q,
      type: w.type,
      total: answers.get(String(i))!.estimatedTotalHits,
      ids: hits.map((h) => String(h.id)),
      highlights: hits.map((h) => snippetOf(h).join(" | ")),
    };
  });
  if (process.env.BENCH_SHAPE_WRITE) writeFileSync(process.env.BENCH_SHAPE_WRITE, JSON.stringify(now));
  if (process.env.BENCH_SHAPE_BASELINE) {
    const before = JSON.parse(readFileSync(process.env.BENCH_SHAPE_BASELINE, "utf8")) as typeof now;
    let shared = 0;
    let total = 0;
    let sameTop = 0;
    let sameHighlights = 0;
    let compared = 0;
    let sameTotal = 0;
    for (const [i, b] of before.entries()) {
      const a = now[i]!;
      if (a.total === b.total) sameTotal++;
      const ids = new Set(a.ids);
      shared += b.ids.filter((id) => ids.has(id)).length;
      total += Math.max(b.ids.length, a.ids.length);
      if (b.ids[0] === a.ids[0]) sameTop++;
      for (const [j, id] of b.ids.entries()) {
        const k = a.ids.indexOf(id);
        if (k < 0) continue;
        compared++;
        if (a.highlights[k] === b.highlights[j]) sameHighlights++;
      }
    }
    console.log(
      `top-10 overlap with the baseline: ${((shared / Math.max(1, total)) * 100).toFixed(1)}% (${shared}/${total}); same first hit in ${sameTop}/${before.length}; ` +
        `same highlighted text for ${sameHighlights}/${compared} shared hits; same total in ${sameTotal}/${before.length}`,
    );
  }
}

runMain(main);
