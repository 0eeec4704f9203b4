import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine, SchemaFilter, SchemasContainer } from "@prisma/schema-engine-wasm";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import { runMigrations as runGraphileMigrations } from "graphile-worker";
import pg from "pg";
import { createMigrationAdapterFactory, runAdminStatement, withDatabase } from "./adapter";

// Prisma migrations without the native schema engine (which cannot be downloaded offline): Prisma's
// own WASM schema engine over a driver adapter. Migrations stay in Prisma's folder format and in
// `_prisma_migrations`, so stock `prisma migrate deploy` can take over wherever the native engine exists.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type EngineOptions = {
  /** Defaults to prisma/schema.prisma. */
  schemaPath?: string;
  /** Defaults to prisma/migrations. */
  migrationsDir?: string;
  /** Receives the engine's tracing lines (JSON); silent by default. */
  log?: (line: string) => void;
};

export type DeployResult = { applied: string[] };
export type CreateMigrationResult = { created: string | null; applied: string[] };
export type MigrationStatus = {
  /** True when nothing is pending, failed, edited, missing locally, and there is no drift. */
  clean: boolean;
  hasMigrationsTable: boolean;
  /** On disk, not yet applied to the database. */
  pending: string[];
  /** Recorded in the database but missing from prisma/migrations (another branch or a deleted folder). */
  missingLocally: string[];
  failed: string[];
  /** Applied, but migration.sql changed since (checksum mismatch). */
  edited: string[];
  /** Human-readable summary of what it would take to turn the database into schema.prisma; null if none. */
  drift: string | null;
};

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

// wasm-bindgen "bundler" output: the JS glue keeps the instance in module scope, so instantiate once.
let engineClass: Promise<typeof runtime.SchemaEngine> | undefined;
function loadSchemaEngine(): Promise<typeof runtime.SchemaEngine> {
  engineClass ??= (async () => {
    const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await fs.readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const mod = await WebAssembly.compile(bytes);
    const instance = new WebAssembly.Instance(mod, { "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine;
  })();
  return engineClass;
}

type Ctx = { engine: SchemaEngine; schema: SchemasContainer; migrations: () => Promise<MigrationList> };

async function withEngine<T>(databaseUrl: string, options: EngineOptions, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const schemaPath = path.resolve(options.schemaPath ?? path.join(ROOT, "prisma/schema.prisma"));
  const migrationsDir = path.resolve(options.migrationsDir ?? path.join(ROOT, "prisma/migrations"));
  const schema: SchemasContainer = { files: [{ path: schemaPath, content: await fs.readFile(schemaPath, "utf8") }] };
  const SchemaEngineClass = await loadSchemaEngine();
  const factory = createMigrationAdapterFactory(databaseUrl);
  const log = options.log ?? (() => {});
  const engine = await SchemaEngineClass.new({ datamodels: schema.files.map((f) => [f.path, f.content]) }, log, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await fn({ engine, schema, migrations: () => readMigrations(migrationsDir) });
  } finally {
    engine.free();
    await factory.close();
  }
}

/** Same shape the Prisma CLI builds: every sub-directory with its migration.sql, sorted by name. */
async function readMigrations(baseDir: string): Promise<MigrationList> {
  const lockPath = "migration_lock.toml";
  const lockContent = await fs.readFile(path.join(baseDir, lockPath), "utf8").catch(() => null);
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: await fs
          .readFile(path.join(baseDir, dir, "migration.sql"), "utf8")
          .then((value) => ({ tag: "ok" as const, value }))
          .catch((e: Error) => ({ tag: "error" as const, value: e.message })),
      },
    })),
  );
  return { baseDir, lockfile: { path: lockPath, content: lockContent }, shadowDbInitScript: "", migrationDirectories };
}

/** Creates the database if it does not exist yet, like `prisma migrate deploy|dev` do. */
async function ensureDatabase(databaseUrl: string): Promise<void> {
  // Probe the target first: only a missing database (3D000) needs the maintenance database.
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
  }
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await runAdminStatement(withDatabase(databaseUrl, "postgres"), `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
}

async function installWorkerSchema(databaseUrl: string): Promise<void> {
  // graphile-worker versions its own schema (graphile_worker.migrations); idempotent and cheap when current.
  await runGraphileMigrations({ connectionString: databaseUrl });
}

/** Applies pending migrations from prisma/migrations, then installs/updates graphile-worker's schema. */
export async function deployMigrations(databaseUrl: string, options: EngineOptions = {}): Promise<DeployResult> {
  await ensureDatabase(databaseUrl);
  const { appliedMigrationNames } = await withEngine(databaseUrl, options, async ({ engine, migrations }) =>
    engine.applyMigrations({ migrationsList: await migrations(), filters: NO_FILTER }),
  );
  await installWorkerSchema(databaseUrl);
  return { applied: appliedMigrationNames };
}

/**
 * `prisma migrate dev --name <name>` without the reset: applies pending migrations, diffs the
 * migration history (replayed in a throwaway shadow database) against schema.prisma, writes
 * <timestamp>_<name>/migration.sql when something changed, and applies it.
 */
export async function createMigration(databaseUrl: string, name: string, options: EngineOptions = {}): Promise<CreateMigrationResult> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Migration name must match [A-Za-z0-9_-]+, got "${name}"`);
  await ensureDatabase(databaseUrl);
  const result = await withEngine(databaseUrl, options, async ({ engine, schema, migrations }) => {
    const { action } = await engine.devDiagnostic({ migrationsList: await migrations(), filters: NO_FILTER });
    // Never reset automatically: the database may hold data someone cares about.
    if (action.tag === "reset") throw new Error(`The database needs a reset before a new migration can be created: ${action.reason}`);
    const applied = (await engine.applyMigrations({ migrationsList: await migrations(), filters: NO_FILTER })).appliedMigrationNames;
    const list = await migrations();
    const out = await engine.createMigration({ draft: false, migrationName: name, migrationsList: list, schema, filters: NO_FILTER });
    if (out.migrationScript === null) return { created: null, applied };
    const dir = path.join(list.baseDir, out.generatedMigrationName);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript, "utf8");
    await fs.writeFile(
      path.join(list.baseDir, list.lockfile.path),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      "utf8",
    );
    const again = await engine.applyMigrations({ migrationsList: await migrations(), filters: NO_FILTER });
    return { created: out.generatedMigrationName, applied: [...applied, ...again.appliedMigrationNames] };
  });
  await installWorkerSchema(databaseUrl);
  return result;
}

/** Migration history vs prisma/migrations, and drift between the live database and schema.prisma. */
export async function migrationStatus(databaseUrl: string, options: EngineOptions = {}): Promise<MigrationStatus> {
  return withEngine(databaseUrl, options, async ({ engine, schema, migrations }) => {
    const diag = await engine.diagnoseMigrationHistory({ migrationsList: await migrations(), optInToShadowDatabase: false, filters: NO_FILTER });
    const history = diag.history;
    const pending = history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
    const missingLocally = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
    const diff = await engine.diff({
      from: { tag: "schemaDatasource", files: schema.files, configDir: ROOT },
      to: { tag: "schemaDatamodel", files: schema.files },
      script: false,
      exitCode: true,
      filters: NO_FILTER,
    });
    const drift = diff.exitCode === 2 ? (diff.stdout ?? "").trim() || "(differences found)" : null;
    const clean = !pending.length && !missingLocally.length && !diag.failedMigrationNames.length && !diag.editedMigrationNames.length && !drift;
    return {
      clean,
      hasMigrationsTable: diag.hasMigrationsTable,
      pending,
      missingLocally,
      failed: diag.failedMigrationNames,
      edited: diag.editedMigrationNames,
      drift,
    };
  });
}
