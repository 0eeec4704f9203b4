// Backup and restore with PostgreSQL's own pg_dump / pg_restore (npm run backup / restore).
//
// Version rule: pg_dump refuses to dump a server of a newer major version ("aborting because of
// server version mismatch"), and pg_restore cannot read an archive written by a newer pg_dump.
// The tools are therefore chosen by version: PG_BIN (a directory holding pg_dump and pg_restore)
// if set, else the newest /usr/lib/postgresql/<major>/bin, else whatever is on PATH; a tool older
// than the server stops with a message that says what to install, before anything is written.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export type PgTool = { path: string; major: number; version: string };

/** Major version of a pg_dump / pg_restore binary, e.g. "pg_dump (PostgreSQL) 15.20 (Debian ...)" -> 15. */
export function parseToolVersion(output: string): { major: number; version: string } | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  return m ? { major: Number(m[1]), version: `${m[1]}${m[2] ? `.${m[2]}` : ""}` } : null;
}

function candidates(name: "pg_dump" | "pg_restore"): string[] {
  const out: string[] = [];
  if (process.env.PG_BIN) out.push(path.join(process.env.PG_BIN, name));
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    for (const major of majors) out.push(path.join(root, major, "bin", name));
  }
  out.push(name); // PATH
  return out;
}

/** The newest usable pg_dump / pg_restore (PG_BIN first when set: then only it). */
export async function findTool(name: "pg_dump" | "pg_restore"): Promise<PgTool> {
  const list = candidates(name);
  const tried: string[] = [];
  let best: PgTool | null = null;
  for (const candidate of process.env.PG_BIN ? list.slice(0, 1) : list) {
    if (candidate.includes("/") && !existsSync(candidate)) continue;
    try {
      const { stdout } = await run(candidate, ["--version"]);
      const v = parseToolVersion(stdout);
      if (v && (!best || v.major > best.major)) best = { path: candidate, ...v };
    } catch {
      tried.push(candidate);
    }
  }
  if (!best)
    throw new Error(`${name} not found (tried ${tried.join(", ")}): install the PostgreSQL client (Debian: apt-get install postgresql-client) or set PG_BIN.`);
  return best;
}

/** The server's major version (server_version_num 150020 -> 15). */
export async function serverMajor(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]!.v) / 10_000);
  } finally {
    await client.end();
  }
}

/** Null when `tool` can work with a server of `server` major version, else the reason and the fix. */
export function versionProblem(tool: PgTool, server: number): string | null {
  if (tool.major >= server) return null;
  const name = path.basename(tool.path);
  return (
    `${name} ${tool.version} (${tool.path}) cannot work with this PostgreSQL ${server} server: ${name} must be version ${server} or newer. ` +
    `Install the PostgreSQL ${server} client (e.g. postgresql-client-${server} from the PostgreSQL apt repository) and set PG_BIN to its bin ` +
    `directory (e.g. /usr/lib/postgresql/${server}/bin), or run against a PostgreSQL ${tool.major} server (DATABASE_URL).`
  );
}

/** Schemas left out of backups: rate-limit counters are transient (rebuilt by use). */
export const EXCLUDED_SCHEMAS = ["ratelimit"];
