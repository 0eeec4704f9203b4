// The work of npm run backup / npm run restore (CLIs: scripts/backup.ts, scripts/restore.ts).
import { execFile } from "node:child_process";
import { mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { EXCLUDED_SCHEMAS, findTool, serverMajor, versionProblem } from "./pg-tools";

const run = promisify(execFile);
const MAX_OUTPUT = 64 * 1024 * 1024;

/** The URL for --dbname without its password, which goes in PGPASSWORD (argv is visible to `ps`). */
function connection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = "";
  }
  return { dbname: url.toString(), env };
}

export type BackupResult = { file: string; bytes: number; seconds: number; tool: string; entries: number };

/**
 * Dumps the whole database (application tables, migration history and the job queue; not the
 * transient rate-limit counters) in pg_dump's custom format to `file`, written to a temporary
 * name first and renamed when complete, then listed with pg_restore to check it is readable.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const started = performance.now();
  const [dump, restore, server] = await Promise.all([findTool("pg_dump"), findTool("pg_restore"), serverMajor(databaseUrl)]);
  const problem = versionProblem(dump, server) ?? versionProblem(restore, server);
  if (problem) throw new Error(problem);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Absolute: the archive is also handed to pg_restore as a bare argument, where a relative name
  // beginning with "-" would be read as an option.
  const partial = `${path.resolve(file)}.partial`;
  const { dbname, env } = connection(databaseUrl);
  try {
    await run(
      dump.path,
      ["--format=custom", "--no-owner", "--no-privileges", ...EXCLUDED_SCHEMAS.map((s) => `--exclude-schema=${s}`), `--file=${partial}`, `--dbname=${dbname}`],
      { env, maxBuffer: MAX_OUTPUT },
    );
    const { stdout } = await run(restore.path, ["--list", partial], { maxBuffer: MAX_OUTPUT });
    const entries = stdout.split("\n").filter((l) => l && !l.startsWith(";")).length;
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, seconds: (performance.now() - started) / 1000, tool: `pg_dump ${dump.version}`, entries };
  } catch (e) {
    rmSync(partial, { force: true });
    throw new Error(`backup failed: ${(e as { stderr?: string }).stderr?.trim() || (e as Error).message}`);
  }
}

export type RestoreResult = { seconds: number; tool: string };

/**
 * Replaces the database's content with the archive's in ONE transaction (--single-transaction:
 * if anything fails, the database is left as it was): every object in the archive is dropped if
 * it exists and recreated, then the rows are loaded. Stop the app and the workers first.
 */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<RestoreResult> {
  const started = performance.now();
  statSync(file); // a clear ENOENT before anything else
  const [restore, server] = await Promise.all([findTool("pg_restore"), serverMajor(databaseUrl)]);
  const problem = versionProblem(restore, server);
  if (problem) throw new Error(problem);
  const { dbname, env } = connection(databaseUrl);
  try {
    await run(
      restore.path,
      ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, path.resolve(file)], // absolute: never read as an option
      { env, maxBuffer: MAX_OUTPUT },
    );
  } catch (e) {
    throw new Error(`restore failed, the database was left unchanged: ${(e as { stderr?: string }).stderr?.trim() || (e as Error).message}`);
  }
  return { seconds: (performance.now() - started) / 1000, tool: `pg_restore ${restore.version}` };
}

export function defaultBackupFile(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  return path.join(".data", "backups", `techbridge-${stamp}.dump`);
}
