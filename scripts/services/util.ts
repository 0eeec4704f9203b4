// Small helpers shared by the dev-service modules (scripts/services/*), scripts/demo.ts,
// scripts/e2e-server.ts and the vitest global setup. Node built-ins only: these run before
// anything else in the project is known to work.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  chmodSync,
  closeSync,
  createWriteStream,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import path from "node:path";

/** The repository root (scripts/services/ is two levels below it). */
export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

/** Persistent local state of the zero-setup stack (gitignored). */
export const dataDir = path.join(projectRoot, ".data");

export function ensureDir(dir: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true, mode });
  return dir;
}

/**
 * Returns the secret stored in `.data/<name>`, creating it (random, URL-safe, file mode 0600)
 * the first time. Stable across runs so that sessions, passwords and keys keep working.
 * A stored value that `acceptable` rejects is replaced by a new one (e.g. a Meilisearch master
 * key that begins with "-", written by an earlier version: Meilisearch never started with it).
 */
export function readOrCreateSecret(name: string, bytes = 32, dir = dataDir, acceptable: (value: string) => boolean = () => true): string {
  const file = path.join(dir, name);
  if (existsSync(file)) {
    const value = readFileSync(file, "utf8").trim();
    if (value && acceptable(value)) return value;
    if (value) console.warn(`[secrets] replacing the unusable value in ${path.relative(process.cwd(), file) || file}`);
  }
  ensureDir(dir);
  const value = randomKey(bytes);
  writeFileSync(file, value + "\n", { mode: 0o600 });
  chmodSync(file, 0o600); // writeFileSync's mode is ignored when the file already existed
  return value;
}

// Letters and digits only: a secret is handed to programs on their command line and in URLs, and
// one that begins with "-" is read as an option by some (Meilisearch exits with "unexpected
// argument"); base64url's "-" and "_" would do that to one key in 64.
const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A random secret of at least `bytes` bytes of entropy in letters and digits (as many characters
 * as base64url would use, each uniformly drawn from 62: rejection sampling, no modulo bias).
 */
export function randomKey(bytes = 24): string {
  const length = Math.ceil((bytes * 8) / Math.log2(KEY_ALPHABET.length));
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length)) {
      if (b < 248 && out.length < length) out += KEY_ALPHABET[b % 62]; // 248 = 4 * 62
    }
  }
  return out;
}

/** Random lowercase identifier suffix, safe for database names and index prefixes. */
export function randomId(length = 10): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const buf = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[buf[i]! % alphabet.length];
  return out;
}

/** Resolves true when something accepts TCP connections on host:port. */
export function isPortInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (inUse: boolean) => {
      socket.destroy();
      resolve(inUse);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** A TCP port that was free a moment ago (bind to 0, read it, release it). */
export function getFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `preferred` when it is free, otherwise a free port. */
export async function preferPort(preferred: number, host = "127.0.0.1"): Promise<number> {
  return (await isPortInUse(preferred, host)) ? getFreePort(host) : preferred;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `url` until it answers with a status accepted by `ok` (default: any HTTP answer below
 * 500), or throws after `timeoutMs`. `abort` lets the caller stop early, e.g. when the
 * process that should answer has exited.
 */
export async function waitForHttp(
  url: string,
  options: {
    timeoutMs?: number;
    intervalMs?: number;
    ok?: (status: number) => boolean;
    abort?: () => string | undefined;
  } = {},
): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 100, ok = (s) => s < 500 } = options;
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const reason = options.abort?.();
    if (reason) throw new Error(`${url} will not answer: ${reason}`);
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer().catch(() => undefined);
      if (ok(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${url} (${last})`);
}

export type ManagedProcess = {
  name: string;
  child: ChildProcess;
  /** Set once the process has exited. */
  exited: () => { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves once it exited. */
  stop: (graceMs?: number) => Promise<void>;
  /**
   * The last few KB the child wrote (stdout and stderr, escape codes removed), e.g. its own error
   * message when it exits during start. Empty with output "inherit" (the terminal shows it).
   */
  outputTail: () => string;
  /** outputTail() once the child's output has been read to its end (at most `waitMs` after exit). */
  finalOutputTail: (waitMs?: number) => Promise<string>;
};

/** How much of a child's output is kept for error messages. */
export const OUTPUT_TAIL_CHARS = 8_000;

// Colour and cursor escape sequences (Meilisearch colours its log lines even into a pipe).
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function cleanTail(text: string, max = OUTPUT_TAIL_CHARS): string {
  return text.replace(ANSI, "").slice(-max).trim();
}

/** The last `max` bytes of `file` written from byte `from` on (best effort). */
function fileTail(file: string, from: number, max = OUTPUT_TAIL_CHARS): string {
  try {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      const start = Math.max(from, size - max);
      const buf = Buffer.alloc(Math.max(0, size - start));
      readSync(fd, buf, 0, buf.length, start);
      return cleanTail(buf.toString("utf8"), max);
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the parent dies without a clean shutdown (uncaught error, process.exit):
  // never leave a `next start` or worker behind holding a port.
  process.on("exit", () => {
    for (const pgid of liveGroups) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  });
}

/**
 * Spawns a long-running child in its own process group (so `npm run x` -> sh -> node trees
 * are stopped as a whole). Output goes to `logFile` when given, else is inherited, or
 * prefixed on the parent's stdout with `[name]` when `prefix` is set; with `prefix`, `tee` also
 * appends every prefixed line to that file (tests read the server's output from it). With
 * "ignore" it is not shown, but its tail is kept like in every mode but "inherit" (outputTail()).
 * Every argument goes to the child as it is: pass values as `--option=value`, so that a value
 * beginning with "-" cannot be read as an option.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string; output?: "inherit" | "prefix" | "ignore"; tee?: string } = {},
): ManagedProcess {
  installExitHook();
  let stdio: SpawnOptions["stdio"];
  let fd: number | undefined;
  let logStart = 0;
  if (options.logFile) {
    ensureDir(path.dirname(options.logFile));
    fd = openSync(options.logFile, "a");
    logStart = fstatSync(fd).size;
    stdio = ["ignore", fd, fd];
  } else if (options.output === "prefix" || options.output === "ignore") {
    stdio = ["ignore", "pipe", "pipe"];
  } else {
    stdio = ["ignore", "inherit", "inherit"];
  }
  const child = spawn(command, args, {
    cwd: options.cwd ?? projectRoot,
    env: options.env ?? process.env,
    stdio,
    detached: process.platform !== "win32",
  });
  if (fd !== undefined) closeSync(fd);
  let tail = "";
  if (!options.logFile) {
    const keep = (chunk: Buffer | string) => {
      tail = (tail + chunk.toString()).slice(-2 * OUTPUT_TAIL_CHARS);
    };
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding("utf8");
      stream?.on("data", keep);
    }
  }
  if (options.output === "prefix" && !options.logFile) {
    const tee = options.tee ? teeWriter(options.tee) : () => {};
    const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
      let pending = "";
      const emit = (line: string) => {
        out.write(`[${name}] ${line}\n`);
        tee(`[${name}] ${line}\n`);
      };
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) emit(line);
      });
      stream?.on("end", () => pending && emit(pending));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
  }
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitInfo = { code, signal };
      if (child.pid) liveGroups.delete(child.pid);
      resolve();
    });
    child.once("error", (err) => {
      exitInfo = { code: null, signal: null };
      console.error(`[${name}] failed to start: ${err.message}`);
      resolve();
    });
  });
  if (child.pid) liveGroups.add(child.pid);
  // "close" comes after "exit", once the child's output pipes are read to their end.
  const closed = new Promise<void>((resolve) => {
    child.once("close", () => resolve());
    child.once("error", () => resolve());
  });
  const outputTail = () => (options.logFile ? fileTail(options.logFile, logStart) : cleanTail(tail));

  const signalGroup = (signal: NodeJS.Signals) => {
    if (!child.pid) return;
    try {
      process.kill(process.platform === "win32" ? child.pid : -child.pid, signal);
    } catch {
      /* already gone */
    }
  };

  return {
    name,
    child,
    exited: () => exitInfo,
    outputTail,
    finalOutputTail: async (waitMs = 1_000) => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
      return outputTail();
    },
    stop: async (graceMs = 10_000) => {
      if (exitInfo) {
        signalGroup("SIGKILL"); // grandchildren that outlived their parent
        return;
      }
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      await exitPromise;
      clearTimeout(timer);
      // The group leader exited; make sure nothing else in its group lingers.
      signalGroup("SIGKILL");
    },
  };
}

/**
 * Appends to `file`, re-creating it (and its directory) when it was removed meanwhile, e.g. by
 * Playwright clearing test-results/ while a reused server keeps running.
 */
export function teeWriter(file: string): (text: string) => void {
  return (text) => {
    try {
      appendFileSync(file, text);
    } catch {
      try {
        ensureDir(path.dirname(file));
        appendFileSync(file, text);
      } catch {
        /* a log copy must never take the server down */
      }
    }
  };
}

const activeCommands = new Set<ChildProcess>();

/** SIGTERM to every runCommand() child still running (for a shutdown mid-way). */
export function killActiveCommands(): void {
  for (const child of activeCommands) child.kill("SIGTERM");
}

/** Runs a command to completion; rejects with its output tail when it fails. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean; logFile?: string } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? projectRoot,
      env: options.env ?? process.env,
      stdio: options.quiet || options.logFile ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    });
    if (options.logFile) {
      ensureDir(path.dirname(options.logFile));
      const out = createWriteStream(options.logFile);
      child.stdout?.pipe(out, { end: false });
      child.stderr?.pipe(out, { end: false });
      child.once("exit", () => out.end());
    }
    activeCommands.add(child);
    child.once("exit", () => activeCommands.delete(child));
    let tail = "";
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString("utf8")).slice(-8000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})${tail ? `:\n${tail}` : ""}`));
    });
  });
}

/** Path of a binary in node_modules/.bin. */
export function bin(name: string): string {
  return path.join(projectRoot, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
}

/**
 * The command that runs `next start <args>` the way `npm start` does: with the web server's heap
 * capped (WEB_HEAP_MB, default 640). Why: with 24 GiB free V8 lets garbage pile up (RSS 1.1 GiB
 * under bench:load) although the live heap stays under 400 MB; the cap keeps a web instance's
 * memory predictable. The preload scripts/web/peer-address.mjs gives the app each request's socket
 * address (lib/http/client-ip.ts): without it client IPs are unknown.
 */
export function nextStartCommand(args: string[]): { command: string; args: string[] } {
  const heapMb = process.env.WEB_HEAP_MB || "640";
  return {
    command: process.execPath,
    args: [
      `--max-old-space-size=${heapMb}`,
      "--import",
      path.join(projectRoot, "scripts", "web", "peer-address.mjs"),
      path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"),
      "start",
      ...args,
    ],
  };
}
