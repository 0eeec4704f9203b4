// npx tsx --conditions=react-server bench/api-cpu.ts: the web server's CPU time per search API
// request (GET /api/v1/search with a Bearer token), measured in one process calling the route
// handler the way Next calls it, on the bench:load queries and catalogue (same DATABASE_URL,
// MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX_PREFIX). Requests go one at a time, so the figure is
// CPU per request without queueing, and a neighbour's load moves it far less than req/s under
// autocannon (issue 18: compare code versions with this, then confirm with bench:load).
//
// Rounds over the same queries: the first pays the engine and fills the per-process search cache,
// the next ones are what a repeated query costs the server (bench:load's search-api scenario is
// mostly repeats). Also timed alone: the token check, the per-user quota and the search call.
//
// Env: BENCH_QUERIES (default 200), BENCH_ROUNDS (default 3).
import { prisma } from "@/lib/db";
import { scaleQueries } from "@/scripts/scale/generate";
import { createApiTokenForEmail } from "@/lib/tokens/create-api-token";
import { authenticateBearer } from "@/lib/tokens/authenticate-token";
import { consumeApiQuota } from "@/lib/api/consume-api-quota";
import { searchCatalog } from "@/lib/search/search";
import { GET } from "@/app/api/v1/search/route";
import { runMain } from "./run-main";

// Read when first used, not at import: the search cache on (as in production), no quota refusals.
process.env.SEARCH_CACHE_TTL_MS ??= "600000";
process.env.API_RATE_LIMIT_PER_MINUTE ??= "10000000";

const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const typeFor = (i: number) => (i % 4 === 3 ? "needs" : "results");
const noParams = { params: Promise.resolve({} as Record<string, never>) };

async function cpuPerCall(n: number, call: (i: number) => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await call(i);
  const c = process.cpuUsage(c0);
  return Math.round(((c.user + c.system) / 1000 / n) * 1000) / 1000;
}

async function main() {
  const created = await createApiTokenForEmail("researcher@demo.techbridge.cn", "bench:api-cpu");
  if (!created) throw new Error("no demo researcher: run the seed first");
  const auth = `Bearer ${created.token}`;
  const actor = (await authenticateBearer(auth))!;
  const queries = scaleQueries(QUERIES);
  const request = (i: number) =>
    new Request(`http://localhost/api/v1/search?q=${encodeURIComponent(queries[i % QUERIES]!)}&type=${typeFor(i)}`, {
      headers: { authorization: auth, "accept-language": "zh-CN" },
    });
  const send = async (i: number) => {
    const res = await GET(request(i), noParams);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    await res.text();
  };
  const figures: Record<string, number> = {};
  for (let round = 1; round <= ROUNDS; round++) figures[`request, round ${round}`] = await cpuPerCall(QUERIES, send);
  figures["token check"] = await cpuPerCall(QUERIES, () => authenticateBearer(auth));
  figures["quota"] = await cpuPerCall(QUERIES, () => consumeApiQuota(actor.id));
  figures["search (cached), results"] = await cpuPerCall(QUERIES, (i) => searchCatalog({ q: queries[(i * 4) % QUERIES]!, type: "results", viewer: actor }));
  figures["search (cached), needs"] = await cpuPerCall(QUERIES / 4, (i) => searchCatalog({ q: queries[(i * 4 + 3) % QUERIES]!, type: "needs", viewer: actor }));
  for (const [name, ms] of Object.entries(figures)) console.log(`${name}: ${ms} ms CPU per call`);
  await prisma.apiToken.update({ where: { id: created.id }, data: { revokedAt: new Date() } });
}

runMain(main);
