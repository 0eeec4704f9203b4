// npm run restore -- <file> --yes: replaces the content of the database at DATABASE_URL with a
// backup made by npm run backup (one transaction), applies migrations the backup predates, then
// rebuilds every search index from the restored rows (MEILI_URL, MEILI_MASTER_KEY,
// MEILI_INDEX_PREFIX). Stop the app and the workers first. See README "Backup and restore".
import { createPrismaClient } from "@/lib/db";
import { rebuildAllIndexes } from "@/lib/search/rebuild";
import { restoreDatabase } from "./backup/backup";
import { deployMigrations } from "./db/engine";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("-"));
  if (!url || !file) {
    console.error("usage: DATABASE_URL=... npm run restore -- <backup file> --yes");
    return 2;
  }
  if (!args.includes("--yes")) {
    console.error(
      `This replaces every table in ${new URL(url).pathname.slice(1)} with the content of ${file}. Stop the app and the workers, then run again with --yes.`,
    );
    return 2;
  }
  const r = await restoreDatabase(url, file);
  console.log(`restore: ${file} restored with ${r.tool} in ${r.seconds.toFixed(1)} s`);
  const { applied } = await deployMigrations(url);
  console.log(applied.length ? `restore: applied ${applied.length} migration(s) newer than the backup: ${applied.join(", ")}` : "restore: schema up to date");
  const started = performance.now();
  const prisma = createPrismaClient(url, 4);
  try {
    const counts = await rebuildAllIndexes(prisma);
    console.log(
      `restore: search indexes rebuilt (${Object.entries(counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    console.error(`restore: the database is restored but the search index rebuild failed (${(e as Error).message}); run npm run reindex`);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
  return 0;
}

// Explicit exit: the migration engine (WASM) leaves a timer running.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error((err as Error).message ?? err);
    process.exit(1);
  },
);
