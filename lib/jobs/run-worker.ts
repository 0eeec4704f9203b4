import "server-only";
import { run, type Runner } from "graphile-worker";
import { taskList } from "./tasks";

export async function startWorker(connectionString: string, concurrency = Number(process.env.WORKER_CONCURRENCY ?? 4)): Promise<Runner> {
  return run({
    connectionString,
    concurrency,
    taskList,
    noHandleSignals: true,
    pollInterval: 1_000,
  });
}
