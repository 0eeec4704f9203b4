// npm run reindex: rebuilds every search index from the database into new indexes and swaps each
// one in atomically (searches keep answering from the old index until the swap). Safe to run while
// the app and workers run: rows written during the rebuild are synced again after the swap.
import { createPrismaClient } from "@/lib/db";
import { rebuildAllIndexes } from "@/lib/search/rebuild";
import { rebuildInstrumentsIndex } from "@/lib/instruments/search-index";
import { reindexChallenges } from "@/lib/challenges/search-index";
import { queueOpenChallengeMatching } from "@/lib/challenges/matches";

const started = performance.now();
const prisma = createPrismaClient();
try {
  const counts = { ...(await rebuildAllIndexes(prisma)), instruments: await rebuildInstrumentsIndex(prisma), challenges: await reindexChallenges(prisma) };
  // The open calls' stored matches follow the rebuilt results index (the worker recomputes them).
  await queueOpenChallengeMatching(prisma);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `reindex: ${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")} documents in ${seconds} s`,
  );
} catch (err) {
  console.error(`reindex failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
