// The background worker (npm run worker): indexing and notification jobs from the database queue.
import { startWorker } from "@/lib/jobs/run-worker";
import { logger } from "@/lib/logger";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("DATABASE_URL is not set");
  process.exit(2);
}

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
