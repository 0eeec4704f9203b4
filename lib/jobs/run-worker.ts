import "server-only";
import { run, type Runner } from "graphile-worker";
import { taskList } from "./tasks";

export async function startWorker(connectionString: string, concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4)): Promise<Runner> {
  return run({
    connectionString,
    concurrency,
    taskList,
    // Published needs not re-confirmed within 90 days expire; reminders go out 14 days before.
    crontab: "17 * * * * expire-needs",
    noHandleSignals: true,
    pollInterval: 1_000,
  });
}
