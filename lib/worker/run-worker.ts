import "server-only";
import { EventEmitter } from "node:events";
import { parseCronItems, run, type Runner, type WorkerEvents } from "graphile-worker";
import { logger } from "@/lib/logger";
import { CRON_ITEMS } from "./schedule";
import { taskList } from "./tasks";
import { startWorkerLiveness } from "@/lib/jobs/worker-liveness";

const RECLAIM_EVERY_MS = 5_000;

export async function startWorker(connectionString: string, concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4)): Promise<Runner> {
  const liveness = await startWorkerLiveness(connectionString);
  const events: WorkerEvents = new EventEmitter();
  // Each worker marks itself alive as it is created, well before it could have held a job for long.
  events.on("worker:create", ({ worker }) => void liveness.register(worker.workerId).catch((err) => logger.error({ err }, "worker liveness")));
  events.on("worker:stop", ({ worker, error }) => {
    if (error) logger.error({ err: error, workerId: worker.workerId }, "a worker slot stopped; its jobs will be reclaimed");
    void liveness.unregister(worker.workerId).catch((err) => logger.error({ err }, "worker liveness"));
  });
  const runner = await run({
    connectionString,
    concurrency,
    taskList,
    events,
    parsedCronItems: parseCronItems(CRON_ITEMS),
    noHandleSignals: true,
    pollInterval: 1_000,
  });
  const reclaim = async () => {
    try {
      const dead = await liveness.reclaimDeadWorkers();
      if (dead.length) logger.warn({ workers: dead }, "unlocked jobs of dead workers");
    } catch (err) {
      logger.error({ err }, "could not reclaim jobs of dead workers");
    }
  };
  await reclaim();
  const timer = setInterval(() => void reclaim(), RECLAIM_EVERY_MS);
  timer.unref();
  // (A runner that fails rejects runner.promise; the caller awaits that one. This chain must not
  // add a second, unhandled copy of the rejection.)
  runner.promise
    .finally(() => {
      clearInterval(timer);
      void liveness.close().catch(() => undefined);
    })
    .catch(() => undefined);
  return runner;
}
