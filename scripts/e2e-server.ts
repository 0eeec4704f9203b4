// The server Playwright's `webServer` starts (playwright.config.ts): a production build of the
// app against throwaway services, cleaned up on exit.
//   - a throwaway database on TEST_PG_ADMIN_URL, migrated, with the taxonomy only (tests create
//     their users and data through the app)
//   - Meilisearch in a temp dir on a free port, unique index prefix, indexes created up front
//   - the mail sink on fixed ports (E2E_SMTP_PORT 2525, E2E_MAIL_SINK_PORT 2526) so tests find it
//   - the worker and `next start -p 3100` of the existing .next build (run `next build` first)
//   - everything the worker and the app print is also appended to E2E_SERVER_LOG (default
//     test-results/e2e-server-<port>.log): the confidentiality canary reads the server's logs
//     from there
//   - E2E_SERVER_INFO (default <tmpdir>/techbridge-e2e-<port>.json, mode 0600, removed on exit)
//     names this run's throwaway Meilisearch and its master key, so that a test can prove the
//     keys never reach a browser
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { rebuildAllIndexes } from "../lib/search/rebuild";
import { seedTaxonomy } from "./seed";
import { createThrowawayDatabase } from "./services/embedded-postgres";
import { startMailSink } from "./services/mail-sink";
import { startMeilisearch } from "./services/meilisearch";
import { bin, nextStartCommand, projectRoot, randomId, randomKey, startProcess, teeWriter, type ManagedProcess } from "./services/util";

const port = Number(process.env.E2E_PORT) || 3100;
const smtpPort = Number(process.env.E2E_SMTP_PORT) || 2525;
const sinkPort = Number(process.env.E2E_MAIL_SINK_PORT) || 2526;
const adminUrl = process.env.TEST_PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const serverLog = process.env.E2E_SERVER_LOG || path.join(projectRoot, "test-results", `e2e-server-${port}.log`);
const tee = teeWriter(serverLog);
const serverInfo = process.env.E2E_SERVER_INFO || path.join(os.tmpdir(), `techbridge-e2e-${port}.json`);
const log = (message: string) => {
  console.log(`[e2e-server] ${message}`);
  tee(`[e2e-server] ${message}\n`);
};

const cleanups: Array<() => Promise<unknown> | unknown> = [];
const apps: ManagedProcess[] = [];
let stopping: Promise<void> | undefined;

function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    await Promise.allSettled(apps.map((p) => p.stop(8_000)));
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`[e2e-server] cleanup step failed: ${(err as Error).message}`);
      }
    }
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));

async function main() {
  const started = performance.now();
  if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next/: run `next build` first (npm run test:e2e does).");
  }

  const db = await createThrowawayDatabase(adminUrl, "tb_e2e_");
  cleanups.push(() => db.drop());
  const { deployMigrations } = await import("./db/engine");
  await deployMigrations(db.databaseUrl);
  process.env.DATABASE_URL = db.databaseUrl;
  await seedTaxonomy(db.databaseUrl);
  log(`database ${db.name} migrated and seeded with the taxonomy`);

  const meiliDir = mkdtempSync(path.join(os.tmpdir(), "tb-e2e-meili-"));
  cleanups.push(() => rmSync(meiliDir, { recursive: true, force: true }));
  const meili = await startMeilisearch({ dbPath: meiliDir, port: "free", masterKey: randomKey(24) });
  cleanups.push(() => meili.stop());

  writeFileSync(serverInfo, JSON.stringify({ meiliUrl: meili.url, meiliMasterKey: meili.masterKey }), { mode: 0o600 });
  cleanups.push(() => rmSync(serverInfo, { force: true }));

  const sink = await startMailSink({ smtpPort, httpPort: sinkPort });
  cleanups.push(() => sink.stop());

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: `e2e${randomId(6)}_`,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomKey(32),
    SMTP_URL: sink.smtpUrl,
    MAIL_SINK_URL: sink.url,
    MAIL_FROM: "TechBridge E2E <noreply@techbridge.test>",
    // "info" so that the logs the canary test searches hold what a production server would log.
    LOG_LEVEL: process.env.LOG_LEVEL || "info",
    // Enables /api/test/* (e.g. running reminder sweeps at a given "now"); never set in production.
    TECHBRIDGE_TEST_HOOKS: "1",
    // Every e2e user signs up from 127.0.0.1: scale the per-IP limits so tests do not trip them
    // (the limits themselves are covered by integration tests).
    RATE_LIMIT_MULTIPLIER: process.env.RATE_LIMIT_MULTIPLIER || "100",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);
  // The operator CLI (npm run admin) against this server's database: e2e/helpers/staff.ts grants
  // staff roles the way a platform operator does. Test-only secrets, in a 0600 file.
  const adminEnvNames = [
    "DATABASE_URL",
    "MEILI_URL",
    "MEILI_MASTER_KEY",
    "MEILI_INDEX_PREFIX",
    "NEXTAUTH_URL",
    "NEXTAUTH_SECRET",
    "SMTP_URL",
    "MAIL_FROM",
  ] as const;
  const adminEnv = Object.fromEntries(adminEnvNames.map((name) => [name, env[name]]));
  writeFileSync(serverInfo, JSON.stringify({ meiliUrl: meili.url, meiliMasterKey: meili.masterKey, adminEnv }), { mode: 0o600 });

  // Create the (empty) indexes with their settings before the app searches them.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.databaseUrl, max: 2 }) });
  try {
    await rebuildAllIndexes(prisma);
  } finally {
    await prisma.$disconnect();
  }

  apps.push(startProcess("worker", bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], { env, output: "prefix", tee: serverLog }));
  const web = nextStartCommand(["-p", String(port), "-H", "127.0.0.1"]);
  apps.push(startProcess("next", web.command, web.args, { env, output: "prefix", tee: serverLog }));
  for (const p of apps) {
    p.child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(`[e2e-server] ${p.name} exited (${signal ?? `code ${code}`}); stopping`);
      void stop(1);
    });
  }
  log(`services up in ${Math.round(performance.now() - started)} ms; app on http://127.0.0.1:${port}, mail sink ${sink.url}`);
}

main().catch((err: unknown) => {
  console.error(`[e2e-server] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  void stop(1);
});
