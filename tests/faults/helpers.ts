// Shared set-up for the fault tests: throwaway databases, Meilisearch, worker processes, `next
// start`, and polling for conditions (no fixed sleeps).
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deployMigrations } from "@/scripts/db/engine";
import { createThrowawayDatabase } from "@/scripts/services/embedded-postgres";
import { startMeilisearch, type MeilisearchHandle } from "@/scripts/services/meilisearch";
import {
  bin,
  getFreePort,
  isAlive,
  nextStartCommand,
  projectRoot,
  randomId,
  randomKey,
  runCommand,
  startProcess,
  waitForHttp,
  type ManagedProcess,
} from "@/scripts/services/util";

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

// What a production build is made of: a change to any of these makes `.next` stale. Tests, docs,
// scripts and the Prisma client generated from prisma/ are not inputs (or are covered by prisma/).
const BUILD_INPUT_DIRS = ["app", "components", "lib", "i18n", "messages", "public", "prisma", "styles"];
const BUILD_INPUT_FILES =
  /^(next\.config\.[cm]?[jt]s|proxy\.ts|middleware\.ts|instrumentation\.ts|package\.json|package-lock\.json|tsconfig\.json|postcss\.config\.[cm]?[jt]s|tailwind\.config\.[cm]?[jt]s)$/;
const NOT_BUILD_INPUT = /(\.(test|int\.test|fault\.test|spec)\.tsx?|\.md)$|^lib\/generated\//;

function newestBuildInput(dir = projectRoot, rel = ""): { file: string; mtimeMs: number } {
  let newest = { file: "", mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (!rel && !(entry.isDirectory() ? BUILD_INPUT_DIRS.includes(entry.name) : BUILD_INPUT_FILES.test(entry.name))) continue;
    if (NOT_BUILD_INPUT.test(relPath) || entry.name === "node_modules") continue;
    const candidate = entry.isDirectory()
      ? newestBuildInput(path.join(dir, entry.name), relPath)
      : { file: relPath, mtimeMs: statSync(path.join(dir, entry.name)).mtimeMs };
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/**
 * Makes sure `.next` holds a production build of the current sources. `npm test` builds the app
 * for its e2e step right before (CI runs `npm run test:faults` after it), and that build is reused;
 * a build older than any source file it is made of is stale and is rebuilt, never used.
 */
export async function ensureProductionBuild(): Promise<void> {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  if (existsSync(buildId)) {
    const builtAt = statSync(buildId).mtimeMs;
    const newest = newestBuildInput();
    if (newest.mtimeMs <= builtAt) return;
    console.log(`[faults] the production build is older than ${newest.file}: running next build`);
  } else {
    console.log("[faults] no production build yet: running next build");
  }
  const started = Date.now();
  await runCommand(bin("next"), ["build"], { quiet: true });
  console.log(`[faults] next build took ${Math.round((Date.now() - started) / 1000)} s`);
}

/** `next start` on a free port with the given env; resolves once it answers. */
export async function startApp(cleanups: Cleanups, env: NodeJS.ProcessEnv, name = "app"): Promise<{ url: string; proc: ManagedProcess }> {
  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const web = nextStartCommand(["-p", String(port), "-H", "127.0.0.1"]);
  const proc = startProcess(name, web.command, web.args, {
    env: { ...env, PORT: String(port), NEXTAUTH_URL: url },
    output: "prefix",
  });
  cleanups.add(() => proc.stop(10_000));
  await waitForHttp(`${url}/api/health`, {
    timeoutMs: 90_000,
    ok: (s) => s === 200 || s === 503,
    abort: () => (proc.exited() ? "next start exited" : undefined),
  });
  return { url, proc };
}

/** A user made the operator's way (`npm run admin -- create-user`: address confirmed), with a personal access token. */
export async function createUserWithToken(role: "COMPANY" | "RESEARCHER" | "BROKER" | "ADMIN", email: string, password: string) {
  const { createUserAccount } = await import("@/lib/users/create-user-account");
  const { createApiToken } = await import("@/lib/tokens/create-api-token");
  const { testStaffGrant } = await import("@/tests/kits/api-test-kit");
  const { prisma } = await import("@/lib/db");
  const kinds = { COMPANY: "COMPANY", RESEARCHER: "UNIVERSITY", BROKER: "TTO", ADMIN: "GOVERNMENT" } as const;
  const { userId } = await createUserAccount({ email, password, role, orgName: `${email} 机构`, orgKind: kinds[role], grant: testStaffGrant(role) });
  const actor = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true },
  });
  const { token } = await createApiToken(actor, "fault test");
  return { actor, token };
}

/** Name=value pairs of a response's Set-Cookie headers, merged into `jar`. */
function keepCookies(jar: Map<string, string>, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

/**
 * Signs in with email and password the way the sign-in form does (next-auth's CSRF token, then
 * the credentials callback); returns the Cookie header of the signed-in session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keepCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/zh-CN`, json: "true" }),
  });
  keepCookies(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return cookie();
}

export type PrivatePostgres = {
  databaseUrl: string;
  adminUrl: string;
  port: number;
  /** Crashes the server: SIGQUIT to the postmaster (immediate shutdown, crash recovery on start). */
  crash: () => Promise<void>;
  /** Starts it again on the same port and data directory. */
  start: () => Promise<void>;
};

/**
 * A PostgreSQL server of its own (the embedded PostgreSQL 18 binaries), for the one test that
 * restarts it: the shared server on 5432 is never restarted.
 */
export async function privatePostgres(cleanups: Cleanups): Promise<PrivatePostgres> {
  const { startEmbeddedPostgres } = await import("@/scripts/services/embedded-postgres");
  const root = tempDir(cleanups, "tb-fault-pg-");
  chmodSync(root, 0o755); // PostgreSQL runs as the postgres user when we are root
  const dataDir = path.join(root, "data");
  const port = await getFreePort();
  let handle = await startEmbeddedPostgres({ dataDir, port, database: "techbridge" });
  cleanups.add(() => handle.stop());
  return {
    databaseUrl: handle.databaseUrl,
    adminUrl: handle.adminUrl,
    port,
    crash: async () => {
      const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(postmaster, "SIGQUIT");
      await waitUntil(() => !isAlive(postmaster), { timeoutMs: 30_000, intervalMs: 20, what: "PostgreSQL to stop" });
    },
    start: async () => {
      handle = await startEmbeddedPostgres({ dataDir, port, database: "techbridge" });
    },
  };
}
