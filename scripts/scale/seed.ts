// seed:scale (CLI: scripts/seed-scale.ts): makes the database hold <count> generated, bilingual
// needs and research results (40% needs, 60% results; 70% Chinese; scripts/scale/generate.ts),
// plus one organisation and user per 50 records, for load and scale tests. DATABASE_URL selects
// the database, which must be migrated (npm run db:deploy); the taxonomy and the demo accounts are
// seeded first (as npm run seed does), so the demo accounts can sign in to the big catalogue.
//
// Idempotent: generated rows have fixed ids ("scale-..."); a second run inserts only the missing
// ones. Rows go in with multi-row INSERT ... SELECT FROM jsonb_to_recordset (2,000 rows a
// statement, two connections), not row by row through Prisma. The search index is NOT updated
// row by row either (no index jobs are queued): run `npm run reindex` afterwards, or pass
// --reindex to rebuild in this process.
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "../seed";
import { seedActivity } from "../monitor-history";
import { publishMetrics } from "@/lib/monitor/published-metrics";
import { refreshMonitorAggregates } from "@/lib/monitor/refresh-aggregates";
import {
  RECORDS_PER_ORG,
  SCALE_EPOCH,
  SCALE_ID_PREFIX,
  scaleCompany,
  scaleLab,
  scaleNeed,
  scaleNeedId,
  scaleResult,
  scaleResultId,
  scaleUser,
  splitRecords,
  type ScaleOrganisation,
} from "./generate";

const BATCH = 2_000;
const CONCURRENCY = 2;

type Column = [name: string, sqlType: string];
const NEED_COLUMNS: Column[] = [
  ["id", "text"],
  ["title", "text"],
  ["description", "text"],
  ["field", "text"],
  ["keywords", "text[]"],
  ["lang", '"Lang"'],
  ["visibility", '"Visibility"'],
  ["teaser", "text"],
  ["teaserFields", "text[]"],
  ["triedSoFar", "text"],
  ["desiredOutcome", "text"],
  ["status", '"NeedStatus"'],
  ["trlTarget", "int"],
  ["budgetMinCny", "int"],
  ["budgetMaxCny", "int"],
  ["collaborationModes", '"CollaborationMode"[]'],
  ["region", "text"],
  ["chainNodeId", "text"],
  ["organisationId", "text"],
  ["createdById", "text"],
  ["createdAt", "timestamp(3)"],
  ["publishedAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];
const RESULT_COLUMNS: Column[] = [
  ["id", "text"],
  ["title", "text"],
  ["summary", "text"],
  ["description", "text"],
  ["field", "text"],
  ["keywords", "text[]"],
  ["lang", '"Lang"'],
  ["status", '"ResultStatus"'],
  ["trl", "int"],
  ["transferModes", '"CollaborationMode"[]'],
  ["advantages", "text"],
  ["applicationScenarios", "text"],
  ["chainNodeId", "text"],
  ["organisationId", "text"],
  ["createdById", "text"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];
const ORG_COLUMNS: Column[] = [
  ["id", "text"],
  ["name", "text"],
  ["kind", '"OrgKind"'],
  ["region", "text"],
];
const USER_COLUMNS: Column[] = [
  ["id", "text"],
  ["email", "text"],
  ["name", "text"],
  ["role", '"Role"'],
  ["locale", '"Lang"'],
  ["organisationId", "text"],
  ["isOrgAdmin", "boolean"],
];

/** One INSERT of many rows: the rows travel as one JSON parameter, PostgreSQL unpacks them. */
function insertSql(table: string, columns: Column[]): string {
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const types = columns.map(([n, t]) => `"${n}" ${t}`).join(", ");
  return `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${types}) ON CONFLICT DO NOTHING`;
}

async function insertRows(pool: pg.Pool, table: string, columns: Column[], rows: object[]): Promise<number> {
  let inserted = 0;
  const sql = insertSql(table, columns);
  const batches: object[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const { rowCount } = await pool.query(sql, [JSON.stringify(batch)]);
        inserted += rowCount ?? 0; // not `inserted += await ...`: that reads `inserted` before the await
      }
    }),
  );
  return inserted;
}

/** Generates and inserts the rows i in [0, count) whose id is not in `have`, in slices (memory stays flat). */
async function fill<T extends { id: string }>(
  pool: pg.Pool,
  table: string,
  columns: Column[],
  count: number,
  have: Set<string>,
  idOf: (i: number) => string,
  make: (i: number) => T,
  onProgress: (done: number) => void,
): Promise<number> {
  let inserted = 0;
  const SLICE = BATCH * CONCURRENCY * 2;
  for (let start = 0; start < count; start += SLICE) {
    const rows: (T & { updatedAt: Date })[] = [];
    for (let i = start; i < Math.min(count, start + SLICE); i++) {
      if (have.has(idOf(i))) continue;
      const row = make(i);
      rows.push({ ...row, updatedAt: (row as { createdAt?: Date }).createdAt ?? new Date() });
    }
    if (rows.length) inserted += await insertRows(pool, table, columns, rows);
    onProgress(Math.min(count, start + SLICE));
  }
  return inserted;
}

async function existingIds(pool: pg.Pool, table: string, kind: string): Promise<Set<string>> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "${table}" WHERE id LIKE $1`, [`${SCALE_ID_PREFIX}-${kind}-%`]);
  return new Set(rows.map((r) => r.id));
}

export async function seedScale(databaseUrl: string, total: number, log: (line: string) => void = console.log) {
  const started = performance.now();
  const prisma = createPrismaClient(databaseUrl, 2);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  try {
    const demo = await seedDemo(prisma);
    log(demo.created ? "demo accounts and content created" : "taxonomy upserted (demo content already there or another organisation exists)");

    const { needs, results } = splitRecords(total);
    const companies = Math.ceil(needs / RECORDS_PER_ORG);
    const labs = Math.ceil(results / RECORDS_PER_ORG);
    const orgs: ScaleOrganisation[] = [...Array.from({ length: companies }, (_, i) => scaleCompany(i)), ...Array.from({ length: labs }, (_, i) => scaleLab(i))];
    const orgCount = await insertRows(pool, "Organisation", ORG_COLUMNS, orgs);
    const users = orgs.map((o, i) => ({ ...scaleUser(o, i), isOrgAdmin: true }));
    const userCount = await insertRows(pool, "User", USER_COLUMNS, users);

    let lastLog = 0;
    const progress = (what: string, of: number) => (done: number) => {
      if (performance.now() - lastLog > 5_000 || done === of) {
        lastLog = performance.now();
        log(`  ${what}: ${done}/${of} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    };
    const needCount = await fill(pool, "Need", NEED_COLUMNS, needs, await existingIds(pool, "Need", "n"), scaleNeedId, scaleNeed, progress("needs", needs));
    const resultCount = await fill(
      pool,
      "Result",
      RESULT_COLUMNS,
      results,
      await existingIds(pool, "Result", "r"),
      scaleResultId,
      scaleResult,
      progress("results", results),
    );
    // Two years of activity on the generated needs (matches, introductions, contracts, outcomes),
    // then the chain monitor's aggregates built from scratch: the refresh is timed (target < 60 s).
    const historyStarted = performance.now();
    const researcher = await prisma.user.findFirst({ where: { role: "RESEARCHER" }, orderBy: { id: "asc" }, select: { id: true } });
    const broker = await prisma.user.findFirst({ where: { role: "BROKER" }, orderBy: { id: "asc" }, select: { id: true } });
    if (researcher)
      await seedActivity(prisma, { prefix: `${SCALE_ID_PREFIX}-n-`, researcherId: researcher.id, brokerId: broker?.id ?? null, now: new Date(SCALE_EPOCH) });
    log(`  history (matches, introductions, contracts): ${((performance.now() - historyStarted) / 1000).toFixed(1)} s`);
    // Fresh statistics: the planner sees 100k rows, not the empty tables of a new database; and a
    // visibility map, as autovacuum would leave it, so that counts use index-only scans (a count
    // of the public needs: 147 ms sequential scan before VACUUM, 3 ms after; issue 18). Not in a
    // transaction (VACUUM refuses one), so one statement per query.
    for (const table of ["Need", "Result", "Organisation", "User", "Introduction", "NeedMatchSnapshot"]) await pool.query(`VACUUM ANALYZE "${table}"`);
    const refreshStarted = performance.now();
    const refresh = await refreshMonitorAggregates(prisma, { full: true });
    await publishMetrics(prisma);
    log(
      `  monitor aggregates: full refresh of ${refresh.changedNeeds} needs, ${refresh.months} months in ${refresh.ms} ms (+ public metrics: ${Math.round(performance.now() - refreshStarted - refresh.ms)} ms)`,
    );
    const seconds = (performance.now() - started) / 1000;
    log(
      `seed:scale: ${needs} needs + ${results} results wanted; inserted ${needCount} needs, ${resultCount} results, ` +
        `${orgCount} organisations, ${userCount} users in ${seconds.toFixed(1)} s`,
    );
    return { needs: needCount, results: resultCount, organisations: orgCount, users: userCount, seconds };
  } finally {
    await pool.end();
    await prisma.$disconnect();
  }
}
