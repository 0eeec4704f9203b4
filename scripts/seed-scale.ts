// npm run seed:scale -- <count> [--reindex]: see scripts/scale/seed.ts. DATABASE_URL selects the
// database (migrated: npm run db:deploy); --reindex rebuilds the search index afterwards
// (MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX_PREFIX), otherwise run `npm run reindex`.
import { createPrismaClient } from "@/lib/db";
import { rebuildAllIndexes } from "@/lib/search/rebuild";
import { seedScale } from "./scale/seed";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const reindex = args.includes("--reindex");
  const unknown = args.filter((a) => a !== "--reindex" && !/^\d+$/.test(a));
  const countArgs = args.filter((a) => /^\d+$/.test(a));
  // A typo must not quietly seed the default 100,000 rows.
  if (unknown.length || countArgs.length > 1) {
    console.error(
      `seed:scale: unexpected argument ${[...unknown, ...countArgs.slice(1)].map((a) => JSON.stringify(a)).join(", ")}; usage: npm run seed:scale -- <count> [--reindex]`,
    );
    return 2;
  }
  const total = Number(countArgs[0] ?? 100_000);
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/techbridge_scale); run npm run db:deploy on it first.");
    return 2;
  }
  if (!Number.isInteger(total) || total < 1) {
    console.error("usage: npm run seed:scale -- <count> [--reindex]");
    return 2;
  }
  await seedScale(url, total);
  if (reindex) {
    const started = performance.now();
    const prisma = createPrismaClient(url);
    try {
      const counts = await rebuildAllIndexes(prisma);
      console.log(
        `reindex: ${Object.entries(counts)
          .map(([k, n]) => `${k} ${n}`)
          .join(", ")} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await prisma.$disconnect();
    }
  } else {
    console.log("The search index was not touched: run `npm run reindex` (same DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY).");
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // The message names the problem (e.g. "Database `x` does not exist"); the stack is for debugging.
    console.error(`seed:scale failed: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.DEBUG) console.error(err);
    process.exit(1);
  },
);
