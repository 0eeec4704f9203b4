import "server-only";
import { EventEmitter } from "node:events";
import { parseCronItems, run, type Runner, type WorkerEvents } from "graphile-worker";
import { logger } from "@/lib/logger";
import { CRON_ITEMS } from "./schedule";
import { taskList } from "./tasks";
import { startWorkerHeartbeat } from "@/lib/jobs/worker-heartbeat";
import { startWorkerLiveness } from "@/lib/jobs/worker-liveness";

const RECLAIM_EVERY_MS = 5_000;

export type SlotLost = { workerId: string; error: unknown; slotsRunning: number; slotsConfigured: number };

export type WorkerOptions = {
  concurrency?: number;
  /**
   * A job slot stopped while the runner was not stopping. graphile-worker 0.16 does not replace
   * it ("committing seppuku" when it cannot release a job, e.g. while the database is down), so
   * the process would go on with fewer slots: scripts/worker.ts exits for its supervisor to
   * restart it.
   */
  onSlotLost?: (lost: SlotLost) => void;
  heartbeatEveryMs?: number;
};

/** `options` as a number: the concurrency (the earlier signature). */
export async function startWorker(connectionString: string, optionsOrConcurrency: WorkerOptions | number = {}): Promise<Runner> {
  const options = typeof optionsOrConcurrency === "number" ? { concurrency: optionsOrConcurrency } : optionsOrConcurrency;
  const concurrency = options.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 4);
  const liveness = await startWorkerLiveness(connectionString);
  const heartbeat = await startWorkerHeartbeat(connectionString, concurrency, {
    everyMs: options.heartbeatEveryMs,
    onError: (err) => logger.warn({ err }, "could not write the worker heartbeat"),
  });
  const running = new Set<string>();
  let stopping = false;
  const events: WorkerEvents = new EventEmitter();
  // Handlers must not throw (graphile-worker emits from inside its job loop).
  events.on("stop", () => void (stopping = true));
  events.on("pool:gracefulShutdown", () => void (stopping = true));
  events.on("pool:forcefulShutdown", () => void (stopping = true));
  // Each worker marks itself alive as it is created, well before it could have held a job for long.
  events.on("worker:create", ({ worker }) => {
    running.add(worker.workerId);
    heartbeat.setSlotsRunning(running.size);
    void liveness.register(worker.workerId).catch((err) => logger.error({ err }, "worker liveness"));
  });
  events.on("worker:fatalError", ({ worker, error, jobError }) => {
    logger.error({ err: error, jobError, workerId: worker.workerId }, "a worker slot could not release its job and stops");
  });
  events.on("worker:stop", ({ worker, error }) => {
    running.delete(worker.workerId);
    heartbeat.setSlotsRunning(running.size);
    void liveness.unregister(worker.workerId).catch((err) => logger.error({ err }, "worker liveness"));
    if (stopping) return;
    logger.error(
      { err: error, workerId: worker.workerId, slotsRunning: running.size, slotsConfigured: concurrency },
      "a worker slot stopped and will not be replaced; its jobs will be reclaimed",
    );
    try {
      options.onSlotLost?.({ workerId: worker.workerId, error, slotsRunning: running.size, slotsConfigured: concurrency });
    } catch (err) {
      logger.error({ err }, "onSlotLost failed");
    }
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
  // The liveness client and the heartbeat pool close once, when the runner ends for any reason.
  let sideClosed: Promise<void> | undefined;
  const closeSide = () =>
    (sideClosed ??= (async () => {
      stopping = true;
      clearInterval(timer);
      await Promise.allSettled([liveness.close(), heartbeat.close()]);
    })());
  // (A runner that fails rejects runner.promise; the caller awaits that one. This chain must not
  // add a second, unhandled copy of the rejection.)
  runner.promise.finally(() => void closeSide()).catch(() => undefined);
  // stop() resolves once our own connections are closed too: a caller that drops or restarts the
  // database right after (tests, shutdown) must not find one of them still open.
  const stopRunner = runner.stop.bind(runner);
  runner.stop = async () => {
    await stopRunner();
    await closeSide();
  };
  return runner;
}
