// Restarts a long-running child that exits on its own, with exponential backoff: what systemd's
// Restart=on-failure or a Kubernetes restart policy do in production, for `npm run demo`. The
// worker relies on it: it exits when a job slot crashes (scripts/worker.ts).
import type { ManagedProcess } from "./util";

export type SuperviseOptions = {
  /** Delay before the first restart; doubled (factor) for each further one in a row. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** A run that lasted this long counts as healthy: the next restart waits initialDelayMs again. */
  healthyAfterMs?: number;
  /** After this many restarts in a row without a healthy run, give up (onGiveUp). */
  maxRestarts?: number;
  onRestart?: (info: { exit: string; restart: number; delayMs: number }) => void;
  onGiveUp?: (info: { exit: string; restarts: number }) => void;
};

export type Supervised = {
  name: string;
  /** The process running now (or the last one, while waiting to restart). */
  current: () => ManagedProcess;
  /** Restarts so far. */
  restarts: () => number;
  /** Stops restarting, then stops the process. */
  stop: (graceMs?: number) => Promise<void>;
};

/** The delay before restart number `attempt` (0-based) of a series. */
export function restartDelay(attempt: number, options: SuperviseOptions = {}): number {
  const { initialDelayMs = 1_000, maxDelayMs = 30_000, factor = 2 } = options;
  return Math.min(maxDelayMs, initialDelayMs * factor ** attempt);
}

export function supervise(name: string, start: () => ManagedProcess, options: SuperviseOptions = {}): Supervised {
  const { healthyAfterMs = 60_000, maxRestarts = 10 } = options;
  let stopped = false;
  let proc: ManagedProcess;
  let startedAt = 0;
  let inARow = 0;
  let total = 0;
  let timer: NodeJS.Timeout | undefined;

  const launch = () => {
    startedAt = Date.now();
    proc = start();
    proc.child.once("exit", (code, signal) => {
      if (stopped) return;
      const exit = signal ?? `code ${code}`;
      if (Date.now() - startedAt >= healthyAfterMs) inARow = 0;
      if (inARow >= maxRestarts) {
        options.onGiveUp?.({ exit, restarts: inARow });
        return;
      }
      const delayMs = restartDelay(inARow, options);
      inARow++;
      total++;
      options.onRestart?.({ exit, restart: total, delayMs });
      timer = setTimeout(() => {
        timer = undefined;
        if (!stopped) launch();
      }, delayMs);
    });
  };
  launch();

  return {
    name,
    current: () => proc,
    restarts: () => total,
    stop: async (graceMs) => {
      stopped = true;
      clearTimeout(timer);
      await proc.stop(graceMs);
    },
  };
}
