// The background worker (npm run worker): indexing and notification jobs from the database queue.
import { startWorker } from "@/lib/worker/run-worker";
import { logger } from "@/lib/logger";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("DATABASE_URL is not set");
  process.exit(2);
}

// Jobs (saved-search checks) search what the index holds now: the search answer cache is for web
// processes, and a worker would only hold one more LISTEN connection for it.
process.env.SEARCH_CACHE_TTL_MS ??= "0";

// Last line of defence: every call in the tasks is awaited, so a failure fails its job. Should a
// library still leave a promise rejection unhandled, log it instead of letting Node end the
// process, which would stop every job in progress (and leave them locked until another worker
// reclaims them).
process.on("unhandledRejection", (reason) => {
  logger.error({ err: reason }, "unhandled promise rejection in the worker (a bug: the job it came from should have awaited it)");
});

const runner = await startWorker(connectionString);
logger.info("worker started");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker stopping");
  // Jobs in progress finish (or are unlocked for a retry) before the process exits.
  await runner.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
await runner.promise;
