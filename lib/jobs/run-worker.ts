import "server-only";
import { parseCronItems, run, type Runner } from "graphile-worker";
import { CRON_ITEMS } from "./schedule";
import { taskList } from "./tasks";

export async function startWorker(connectionString: string, concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4)): Promise<Runner> {
  return run({
    connectionString,
    concurrency,
    taskList,
    parsedCronItems: parseCronItems(CRON_ITEMS),
    noHandleSignals: true,
    pollInterval: 1_000,
  });
}
