// The background worker (npm run worker): indexing and notification jobs from the database queue.
import type { Runner } from "graphile-worker";
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

/** Exit code of a worker that stops because a job slot crashed (its supervisor restarts it). */
const SLOT_LOST_EXIT_CODE = 70; // EX_SOFTWARE
/** A graceful stop that takes longer (a job that does not finish) is cut short. */
const STOP_TIMEOUT_MS = 30_000;

// Set once started: a slot could in principle be lost while run() is still starting.
let runner: Runner | undefined = undefined;
let stopping = false;
async function shutdown(reason: string, code: number) {
  if (stopping) return;
  stopping = true;
  logger.info({ reason }, "worker stopping");
  // Jobs in progress finish (or are unlocked for a retry) before the process exits.
  const timer = setTimeout(() => {
    logger.error("the worker did not stop in time; exiting");
    process.exit(code || 1);
  }, STOP_TIMEOUT_MS);
  timer.unref();
  await runner?.stop().catch((err: unknown) => logger.error({ err }, "worker stop failed"));
  process.exit(code);
}

// graphile-worker 0.16 does not replace a job slot that crashed: rather than go on with fewer
// slots, the process stops (the other slots finish their jobs) and exits with an error, and its
// supervisor (npm run demo, systemd, Kubernetes) starts a full one.
runner = await startWorker(connectionString, {
  onSlotLost: ({ slotsRunning, slotsConfigured }) => {
    logger.error({ slotsRunning, slotsConfigured }, "a job slot crashed: exiting for the supervisor to restart the worker with all its slots");
    void shutdown("a job slot crashed", SLOT_LOST_EXIT_CODE);
  },
});
logger.info("worker started");

process.on("SIGINT", () => void shutdown("SIGINT", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
await runner.promise;
