// Shared set-up for the fault tests: throwaway databases, Meilisearch, worker processes, `next
// start`, and polling for conditions (no fixed sleeps).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deployMigrations } from "@/scripts/db/engine";
import { createThrowawayDatabase } from "@/scripts/services/embedded-postgres";
import { startMeilisearch, type MeilisearchHandle } from "@/scripts/services/meilisearch";
import { bin, getFreePort, projectRoot, randomId, randomKey, runCommand, startProcess, waitForHttp, type ManagedProcess } from "@/scripts/services/util";

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

export type Cleanup = () => Promise<void> | void;
export class Cleanups {
  private fns: Cleanup[] = [];
  add(fn: Cleanup) {
    this.fns.push(fn);
  }
  async run() {
    for (const fn of this.fns.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`[faults] cleanup failed: ${(err as Error).message}`);
      }
    }
    this.fns = [];
  }
}

/** A migrated throwaway database on the shared PostgreSQL (never restarted by these tests). */
export async function throwawayDatabase(cleanups: Cleanups): Promise<string> {
  const db = await createThrowawayDatabase(PG_ADMIN_URL, "tb_fault_");
  cleanups.add(() => db.drop());
  await deployMigrations(db.databaseUrl);
  return db.databaseUrl;
}

export function tempDir(cleanups: Cleanups, prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.add(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function meilisearch(cleanups: Cleanups, dbPath: string, port?: number, masterKey = randomKey(24)): Promise<MeilisearchHandle> {
  const handle = await startMeilisearch({ dbPath, port: port ?? "free", masterKey });
  cleanups.add(() => handle.stop());
  return handle;
}

/** The environment the app and the worker validate at start (lib/env.ts), with the given services. */
export function appEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXTAUTH_URL: "http://127.0.0.1:3999",
    NEXTAUTH_SECRET: randomKey(32),
    SMTP_URL: "smtp://127.0.0.1:1",
    MAIL_FROM: "TechBridge Faults <noreply@techbridge.test>",
    MEILI_INDEX_PREFIX: `f${randomId(6)}_`,
    LOG_LEVEL: "warn",
    REDIS_URL,
    RATE_LIMIT_PREFIX: `tbfault${randomId(6)}`,
    ...overrides,
  };
}

/**
 * `npm run worker` as a real process (its own process group: SIGKILL reaches the node process).
 * Its output is prefixed on the test's stdout and, with `logFile`, also kept there (read it with
 * readLog to check what the worker reported).
 */
export function startWorkerProcess(env: NodeJS.ProcessEnv, name = "worker", logFile?: string): ManagedProcess {
  return startProcess(name, bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], { env, output: "prefix", tee: logFile });
}

export function readLog(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** What the worker logs when a promise rejection escaped a task (scripts/worker.ts): a bug. */
export const UNHANDLED_REJECTION = "unhandled promise rejection";

/** Kills a process group with SIGKILL and waits until the leader is gone. */
export async function killHard(proc: ManagedProcess): Promise<void> {
  if (proc.child.pid) {
    try {
      process.kill(-proc.child.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  await waitUntil(() => proc.exited() !== undefined, { timeoutMs: 10_000, what: `${proc.name} to exit` });
}

/** Polls `check` until it returns a truthy value; throws naming `what` after the timeout. */
export async function waitUntil<T>(check: () => Promise<T> | T, { timeoutMs = 60_000, intervalMs = 100, what = "condition" } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ""}`);
}

/** Builds the app once if no production build exists (CI builds it for the e2e tests before). */
export async function ensureProductionBuild(): Promise<void> {
  if (existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) return;
  console.log("[faults] no production build yet: running next build");
  await runCommand(bin("next"), ["build"], { quiet: true });
}

/** `next start` on a free port with the given env; resolves once it answers. */
export async function startApp(cleanups: Cleanups, env: NodeJS.ProcessEnv, name = "app"): Promise<{ url: string; proc: ManagedProcess }> {
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = startProcess(name, bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, PORT: String(port), NEXTAUTH_URL: url },
    output: "prefix",
  });
  cleanups.add(() => proc.stop(10_000));
  await waitForHttp(`${url}/api/health`, { timeoutMs: 90_000, ok: (s) => s === 200 || s === 503, abort: () => (proc.exited() ? "next start exited" : undefined) });
  return { url, proc };
}
