import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type ColumnType,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
  type IsolationLevel,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

// Driver adapter for Prisma's WASM schema engine: @prisma/adapter-pg plus workarounds for the
// bugs that only the migration paths hit (adapter-pg 7.10.1).

const CHAR_OID = 18;
const CHAR_ARRAY_OID = 1002;
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
// pg-types' TypeId enum lists no array OIDs, hence the cast.
const parseTextArray = (pg.types.getTypeParser as (oid: number, format: "text") => (value: string) => unknown)(TEXT_ARRAY_OID, "text");

// The engine's introspection reads catalog columns of type "char" (pg_class.relkind, ...). adapter-pg
// rejects OID 18 and maps 1002 to a column type the engine cannot deserialize, so report both as
// text. Rewriting happens after pg parsed the rows: "char" values are plain strings already, while
// "char"[] has no pg parser and arrives as "{a,b}", so parse it like text[].
function charColumnsAsText(result: pg.QueryResult): void {
  result.fields?.forEach((field, i) => {
    if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    if (field.dataTypeID !== CHAR_ARRAY_OID) return;
    field.dataTypeID = TEXT_ARRAY_OID;
    for (const row of result.rows as Record<string | number, unknown>[]) {
      const key = Array.isArray(row) ? i : field.name;
      if (typeof row[key] === "string") row[key] = parseTextArray(row[key] as string);
    }
  });
}

function fixResults(res: unknown): unknown {
  for (const r of Array.isArray(res) ? res : [res]) if (r && typeof r === "object" && "fields" in r) charColumnsAsText(r as pg.QueryResult);
  return res;
}

// Passed to pg.Pool as its `Client` class, so both pool.query (plain queries) and checked-out
// clients (the engine's transactions) get the rewrite. Handles pg's callback and promise forms.
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors pg's overloaded signature
  override query(...args: any[]): any {
    const last = args.length - 1;
    const callback: unknown = args[last];
    if (typeof callback === "function") {
      args[last] = (err: Error | null, res: unknown) => callback(err, err ? res : fixResults(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const ret = (super.query as (...a: unknown[]) => unknown)(...args);
    return ret instanceof Promise ? ret.then(fixResults) : ret;
  }
}

// The engine reads pg_constraint.contype (a "char", reported as text above) with `as_char` when it
// describes CHECK and EXCLUDE constraints, and panics on a text value ("Getting constraint_type
// ... as char failed"). Typing that one column as a character lets it read them (the
// instrument bookings' exclusion constraint, issue 17).
const CONSTRAINT_TYPE_COLUMNS = new Set(["constraint_type", "contype"]);
function constraintTypeAsCharacter<R extends { columnNames: string[]; columnTypes: ColumnType[] }>(result: R): R {
  result.columnNames.forEach((name, i) => {
    if (CONSTRAINT_TYPE_COLUMNS.has(name) && result.columnTypes[i] === ColumnTypeEnum.Text) result.columnTypes[i] = ColumnTypeEnum.Character;
  });
  return result;
}

function toAdapterError(error: unknown): never {
  if (error instanceof pg.DatabaseError && error.code) {
    throw new DriverAdapterError({
      kind: "postgres",
      code: error.code,
      severity: error.severity ?? "ERROR",
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
      originalCode: error.code,
      originalMessage: error.message,
    });
  }
  throw error;
}

// Wraps adapter-pg's adapter. executeScript is replaced: adapter-pg splits the script on every ";",
// which breaks $$ function bodies and string literals. One simple-protocol query runs a multi-statement
// script as PostgreSQL's implicit transaction, like the native engine does.
class ScriptSafeAdapter implements SqlDriverAdapter {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private disposed = false;
  constructor(
    private readonly inner: Awaited<ReturnType<PrismaPg["connect"]>>,
    private readonly onDispose: () => Promise<void>,
  ) {
    this.adapterName = inner.adapterName;
  }
  async queryRaw(query: SqlQuery) {
    return constraintTypeAsCharacter(await this.inner.queryRaw(query));
  }
  executeRaw(query: SqlQuery) {
    return this.inner.executeRaw(query);
  }
  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }
  getConnectionInfo() {
    return this.inner.getConnectionInfo();
  }
  async executeScript(script: string): Promise<void> {
    await this.inner.underlyingDriver().query(script).catch(toAdapterError);
  }
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.inner.dispose();
    await this.onDispose();
  }
}

function poolConfig(connectionString: string): pg.PoolConfig {
  // Short idle timeout: idle clients must not keep the process (or a shadow database) busy.
  return { connectionString, Client: CharAsTextClient, max: 4, idleTimeoutMillis: 1_000, connectionTimeoutMillis: 10_000 };
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs one statement on a short-lived connection (CREATE/DROP DATABASE cannot use a pool mid-transaction). */
export async function runAdminStatement(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type MigrationAdapterFactory = SqlMigrationAwareDriverAdapterFactory & {
  /** Disposes every adapter the engine left open and drops leftover shadow databases. */
  close(): Promise<void>;
};

/**
 * Adapter factory for the engine. The shadow database is created and dropped here rather than by
 * adapter-pg, whose connectToShadowDb keeps the new database name out of the pool config when a
 * connection string is used, and drops the database before closing the pool that still uses it.
 */
export function createMigrationAdapterFactory(databaseUrl: string): MigrationAdapterFactory {
  const open = new Set<ScriptSafeAdapter>();
  const track = async (url: string, onDispose: () => Promise<void> = async () => {}) => {
    const adapter: ScriptSafeAdapter = new ScriptSafeAdapter(await new PrismaPg(poolConfig(url)).connect(), async () => {
      open.delete(adapter);
      await onDispose();
    });
    open.add(adapter);
    return adapter;
  };
  const base = new PrismaPg(databaseUrl);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => track(databaseUrl),
    async connectToShadowDb() {
      const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      await runAdminStatement(databaseUrl, `CREATE DATABASE ${quoteIdent(name)}`);
      // The pool is closed (inner.dispose) before this runs: PostgreSQL refuses to drop a database in use.
      return track(withDatabase(databaseUrl, name), () => runAdminStatement(databaseUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`));
    },
    async close() {
      await Promise.all([...open].map((adapter) => adapter.dispose()));
    },
  };
}
