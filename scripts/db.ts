import { parseArgs } from "node:util";
import { createMigration, deployMigrations, migrationStatus, type MigrationStatus } from "./db/engine";

// npm run db:deploy | db:migrate -- --name X | db:status  (Prisma's WASM schema engine, see scripts/db/engine.ts)

const USAGE = "usage: tsx scripts/db.ts deploy | migrate --name <name> | status";

function printStatus(s: MigrationStatus): void {
  const list = (label: string, names: string[]) => names.length && console.log(`${label}:\n${names.map((n) => `  - ${n}`).join("\n")}`);
  if (!s.hasMigrationsTable) console.log("No _prisma_migrations table: the database has never been migrated.");
  list("Pending migrations (run npm run db:deploy)", s.pending);
  list("Applied in the database but missing from prisma/migrations", s.missingLocally);
  list("Failed migrations (fix, then resolve them)", s.failed);
  list("Applied migrations whose migration.sql was edited afterwards", s.edited);
  if (s.drift) console.log(`Drift: the database differs from prisma/schema.prisma; to match it would take:\n${s.drift}`);
  if (s.clean) console.log("Database is up to date with prisma/migrations and prisma/schema.prisma.");
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: "string" } } });
  const command = positionals[0];
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/techbridge).");
    return 2;
  }
  const started = performance.now();
  const took = () => `${Math.round(performance.now() - started)} ms`;
  switch (command) {
    case "deploy": {
      const { applied } = await deployMigrations(url);
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "No pending migrations.");
      console.log(`graphile-worker schema is up to date. (${took()})`);
      return 0;
    }
    case "migrate": {
      if (!values.name) {
        console.error(`--name is required.\n${USAGE}`);
        return 2;
      }
      const { created, applied } = await createMigration(url, values.name);
      if (applied.length) console.log(`Applied: ${applied.join(", ")}`);
      console.log(created ? `Created and applied prisma/migrations/${created}/migration.sql` : "No schema changes: no migration written.");
      console.log(`(${took()})`);
      return 0;
    }
    case "status": {
      const status = await migrationStatus(url);
      printStatus(status);
      console.log(`(${took()})`);
      return status.clean ? 0 : 1;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

// The WASM engine leaves a timer running, so exit explicitly instead of waiting for an empty event loop.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Engine errors carry their cause in the message; the WASM stack only helps when debugging.
    console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : `${error.name}: ${error.message}`) : error);
    process.exit(1);
  },
);
