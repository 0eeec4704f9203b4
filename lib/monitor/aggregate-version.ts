import "server-only";
import { prisma } from "@/lib/db";

// The version of the monitor's aggregates: the last refresh run's timestamp
// (MonitorRefreshState.lastRunAt). Everything read from the aggregates is cached under it
// (lib/monitor/get-monitor.ts), so a page view after a refresh reads the new figures and every
// other view reads memory. The stamp itself is looked up at most every STAMP_TTL_MS per process
// (a refresh by the worker shows within that); a refresh in this process (the seed, the e2e
// test hook, integration tests) takes effect at once through `aggregatesChanged()`.
const STAMP_TTL_MS = 2_000;
let local = 0;
let memo: { at: number; local: number; stamp: string } | null = null;
let pending: Promise<string> | null = null;

export function aggregatesChanged(): void {
  local++;
  memo = null;
}

export async function aggregateVersion(): Promise<string> {
  const now = Date.now();
  if (memo && memo.local === local && now - memo.at < STAMP_TTL_MS) return memo.stamp;
  // One lookup at a time: concurrent views share it.
  pending ??= (async () => {
    const seen = local;
    try {
      const row = await prisma.monitorRefreshState.findUnique({ where: { key: "aggregates" }, select: { lastRunAt: true } });
      const stamp = `${row?.lastRunAt.getTime() ?? 0}.${seen}`;
      memo = { at: Date.now(), local: seen, stamp };
      return stamp;
    } finally {
      pending = null;
    }
  })();
  return pending;
}

/** The refresh time encoded in a version (null before the first refresh). */
export function refreshedAtOf(version: string): Date | null {
  const ms = Number(version.split(".")[0]);
  return ms > 0 ? new Date(ms) : null;
}
