// npm run demo: the whole app on one machine with nothing installed but node_modules.
//
//   DATABASE_URL unset  -> embedded PostgreSQL 18 (data in .data/postgres, port 54329)
//   MEILI_URL unset     -> bundled Meilisearch 1.21 (data in .data/meilisearch, port 7701)
//   SMTP_URL unset      -> in-process mail sink (SMTP + JSON API; the admin outbox page reads it)
//   then: migrations, demo seed (scripts/seed.ts), search index rebuild (what `npm run reindex`
//   does), `next build` when the build is missing or older than the sources, worker, `next start`.
// Ctrl-C stops everything it started (PostgreSQL with a clean shutdown, so data survives).
// Logs of the services and the app: .data/logs/.
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { rebuildAllIndexes } from "../lib/search/rebuild";
import { rebuildInstrumentsIndex } from "../lib/instruments/search-index";
import { reindexChallenges } from "../lib/challenges/search-index";
import { queueOpenChallengeMatching } from "../lib/challenges/matches";
import { DEMO_PASSWORD, demoAccounts, seedDemo } from "./seed";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./services/embedded-postgres";
import { startMailSink, type MailSinkHandle } from "./services/mail-sink";
import { startMeilisearch, type MeilisearchHandle } from "./services/meilisearch";
import { supervise, type Supervised } from "./services/supervise";
import {
  bin,
  dataDir,
  ensureDir,
  isPortInUse,
  killActiveCommands,
  preferPort,
  projectRoot,
  readOrCreateSecret,
  runCommand,
  startProcess,
  waitForHttp,
  type ManagedProcess,
  nextStartCommand,
} from "./services/util";

const startedAt = performance.now();
// Next.js would try to send anonymous telemetry; this machine has no business talking outside.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const logsDir = ensureDir(path.join(dataDir, "logs"));
const appPort = Number(process.env.PORT) || 3000;

const seconds = (from = startedAt) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const step = (message: string) => console.log(`[demo] ${message}`);

// ---- what this run started, stopped in reverse order on exit --------------------------------
let postgres: EmbeddedPostgresHandle | undefined;
let meili: MeilisearchHandle | undefined;
let sink: MailSinkHandle | undefined;
const apps: ManagedProcess[] = [];
let worker: Supervised | undefined;
let shuttingDown: Promise<never> | undefined;

function shutdown(code: number, reason?: string): Promise<never> {
  shuttingDown ??= (async () => {
    if (reason) step(reason);
    step("stopping…");
    killActiveCommands();
    await Promise.allSettled([...apps.map((p) => p.stop(10_000)), worker?.stop(10_000)]);
    await Promise.allSettled([sink?.stop(), meili?.stop()]);
    if (postgres) {
      try {
        await postgres.stop();
      } catch (err) {
        console.error(`[demo] PostgreSQL did not stop cleanly: ${(err as Error).message}`);
      }
    }
    step("stopped.");
    process.exit(code);
  })();
  return shuttingDown;
}

// One Ctrl-C can arrive twice (from the terminal to the whole process group, and relayed by tsx),
// so only a signal well after the first counts as "again".
let firstSignalAt = 0;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    const now = Date.now();
    if (firstSignalAt && now - firstSignalAt > 1500 && signal === "SIGINT") {
      // Pressed again while stopping: kill the app processes outright; PostgreSQL still gets its
      // fast shutdown in shutdown() so the data stays consistent.
      console.error("[demo] still stopping (waiting for PostgreSQL to shut down cleanly)…");
      for (const p of apps) void p.stop(0);
      void worker?.stop(0);
      return;
    }
    if (firstSignalAt) return;
    firstSignalAt = now;
    void shutdown(signal === "SIGINT" ? 130 : 143);
  });
}
process.on("unhandledRejection", (err) => {
  console.error(err);
  void shutdown(1, "unexpected error");
});

/** Newest modification time (ms) of the files `next build` depends on. */
function newestSourceMtime(): number {
  const roots = ["app", "components", "lib", "i18n", "messages", "public", "prisma/schema.prisma"];
  const files = [
    "proxy.ts",
    "middleware.ts",
    "instrumentation.ts",
    "next.config.js",
    "next.config.mjs",
    "next.config.ts",
    "postcss.config.mjs",
    "tsconfig.json",
    "package.json",
    "package-lock.json",
  ];
  let newest = 0;
  const visit = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) {
        if (entry === "node_modules" || entry.startsWith(".")) continue;
        if (entry.endsWith(".test.ts") || entry.endsWith(".test.tsx")) continue;
        visit(path.join(p, entry));
      }
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  };
  for (const r of [...roots, ...files]) visit(path.join(projectRoot, r));
  return newest;
}

function buildIsStale(): { stale: boolean; why: string } {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return { stale: true, why: "no production build yet" };
  const builtAt = statSync(buildId).mtimeMs;
  const newest = newestSourceMtime();
  return newest > builtAt ? { stale: true, why: "sources changed since the last build" } : { stale: false, why: "" };
}

async function indexExists(uid: string): Promise<boolean> {
  const res = await fetch(`${process.env.MEILI_URL}/indexes/${uid}`, {
    headers: { Authorization: `Bearer ${process.env.MEILI_MASTER_KEY}` },
  }).catch(() => undefined);
  return res?.ok ?? false;
}

/** The env a second terminal needs to run the project's CLIs against this stack. */
function cliEnv(): string {
  const keys = ["DATABASE_URL", "MEILI_URL", "MEILI_MASTER_KEY"];
  return keys.map((k) => `${k}='${process.env[k] ?? ""}'`).join(" ");
}

function accountLines(): string[] {
  const rows = demoAccounts.map((a) => `    ${a.email.padEnd(34)} ${a.role.padEnd(11)} ${a.name} · ${a.org}`);
  return [`  Demo accounts (password: ${DEMO_PASSWORD}):`, ...rows];
}

async function main() {
  step(`starting TechBridge demo (data in ${path.relative(process.cwd(), dataDir) || ".data"}/, logs in .data/logs/)`);
  if (await isPortInUse(appPort)) {
    throw new Error(`Port ${appPort} is already in use (another demo or \`next dev\`?). Stop it or run with PORT=<port>.`);
  }

  // The build needs no database: run it while the services start and the data is prepared.
  let building: Promise<void> | undefined;
  const build = buildIsStale();
  if (build.stale) {
    const tb = performance.now();
    step(`building the app in the background: ${build.why} (next build, a minute or more; log in .data/logs/build.log)`);
    building = runCommand(bin("next"), ["build"], { quiet: true, logFile: path.join(logsDir, "build.log") }).then(() => step(`app built (${seconds(tb)})`));
    building.catch(() => undefined); // awaited (and reported) below
  }

  // ---- services ---------------------------------------------------------------------------
  if (!process.env.DATABASE_URL) {
    const t = performance.now();
    const pgLog = createWriteStream(path.join(logsDir, "postgres.log"), { flags: "a" });
    postgres = await startEmbeddedPostgres({ onLog: (line) => pgLog.write(line + "\n") });
    process.env.DATABASE_URL = postgres.databaseUrl;
    step(`embedded PostgreSQL on 127.0.0.1:${postgres.port} (${seconds(t)})`);
  } else {
    step("DATABASE_URL is set: using that PostgreSQL");
  }

  if (!process.env.MEILI_URL) {
    const t = performance.now();
    meili = await startMeilisearch({ logFile: path.join(logsDir, "meilisearch.log") });
    process.env.MEILI_URL = meili.url;
    process.env.MEILI_MASTER_KEY = meili.masterKey;
    step(`Meilisearch on ${meili.url} (${seconds(t)})`);
  } else {
    if (!process.env.MEILI_MASTER_KEY) throw new Error("MEILI_URL is set but MEILI_MASTER_KEY is not.");
    step("MEILI_URL is set: using that Meilisearch");
  }

  if (!process.env.SMTP_URL) {
    sink = await startMailSink({ smtpPort: await preferPort(1025), httpPort: await preferPort(1080) });
    process.env.SMTP_URL = sink.smtpUrl;
    process.env.MAIL_SINK_URL = sink.url;
    step(`mail sink: SMTP ${sink.smtpUrl}, messages at ${sink.url}/messages`);
  } else {
    step("SMTP_URL is set: mail goes out through it");
  }

  process.env.NEXTAUTH_SECRET ||= readOrCreateSecret("nextauth-secret", 32);
  process.env.NEXTAUTH_URL ||= `http://localhost:${appPort}`;
  process.env.MEILI_INDEX_PREFIX ||= "tb_";

  // ---- database, seed, search -------------------------------------------------------------
  let t = performance.now();
  const { deployMigrations } = await import("./db/engine");
  const { applied } = await deployMigrations(process.env.DATABASE_URL!);
  step(`migrations: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"} (${seconds(t)})`);

  t = performance.now();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }) });
  try {
    const { created, counts } = await seedDemo(prisma);
    step(
      created
        ? `demo data created: ${counts.organisations} organisations, ${counts.users} users, ${counts.needs} needs, ${counts.results} results (${seconds(t)})`
        : `demo data already there; taxonomy refreshed (${seconds(t)})`,
    );
  } catch (err) {
    await prisma.$disconnect();
    throw err;
  }

  // What `npm run reindex` does: rebuild every index from the database into new indexes swapped in
  // atomically, so it runs alongside the build and the app start (searches keep answering from the
  // previous indexes until each swap; rows written meanwhile are synced again).
  const ti = performance.now();
  const hadIndexes = await indexExists(`${process.env.MEILI_INDEX_PREFIX}needs`);
  const indexing = rebuildAllIndexes(prisma)
    .then(async (indexed) => ({ ...indexed, instruments: await rebuildInstrumentsIndex(prisma), challenges: await reindexChallenges(prisma) }))
    // The open calls' stored matches follow the rebuilt results index (the worker recomputes them).
    .then(async (indexed) => (await queueOpenChallengeMatching(prisma), indexed))
    .then(
      (indexed) =>
        step(
          `search indexes rebuilt: ${Object.entries(indexed)
            .map(([k, n]) => `${k} ${n}`)
            .join(", ")} (${seconds(ti)})`,
        ),
      (err: unknown) => step(`search index rebuild FAILED (${(err as Error).message}); run \`npm run reindex\` to retry`),
    )
    .finally(() => prisma.$disconnect());

  // ---- the app ----------------------------------------------------------------------------
  if (building) {
    step("waiting for next build…");
    await building;
  }

  // The worker is restarted when it exits on its own (it does when a job slot crashed), waiting
  // 1 s, 2 s, 4 s … up to 30 s between attempts in a row; after 10 in a row the demo stops.
  worker = supervise("worker", () => startProcess("worker", "npm", ["run", "--silent", "worker"], { logFile: path.join(logsDir, "worker.log") }), {
    onRestart: ({ exit, delayMs }) => step(`worker exited (${exit}); restarting it in ${delayMs / 1000} s (see .data/logs/worker.log)`),
    onGiveUp: ({ exit, restarts }) => {
      if (!shuttingDown) void shutdown(1, `worker exited (${exit}) again after ${restarts} restarts; see .data/logs/worker.log`);
    },
  });
  const web = nextStartCommand(["-p", String(appPort)]);
  apps.push(startProcess("next", web.command, web.args, { logFile: path.join(logsDir, "next.log") }));

  const home = `http://localhost:${appPort}`;
  await waitForHttp(`${home}/`, {
    timeoutMs: 120_000,
    abort: () => {
      const dead = apps.find((p) => p.exited());
      if (!dead) return undefined;
      const output = dead.outputTail();
      return `${dead.name} exited; see .data/logs/${dead.name}.log${output ? `. Its last output:\n${output}` : ""}`;
    },
  });
  const ready = seconds();
  // A first run has no indexes to fall back on: let the rebuild finish before saying "ready".
  if (!hadIndexes) await indexing;

  const outbox = sink ? [`  Outbox:     ${home}/zh-CN/admin/outbox  (sign in as an admin; raw JSON: ${sink.url}/messages)`] : [];
  console.log(
    [
      "",
      `  TechBridge 技术桥 is running (first page after ${ready})`,
      "",
      `  App:        ${home}`,
      ...outbox,
      ...accountLines(),
      ...(postgres ? [`  Database:   ${postgres.databaseUrl}`] : []),
      ...(meili ? [`  Meilisearch: ${meili.url} (master key in .data/meili-master-key)`] : []),
      `  CLI against this stack (npm run admin|reindex|db:status): export ${cliEnv()}`,
      `  Logs:       .data/logs/ (next.log, worker.log, meilisearch.log, postgres.log)`,
      "",
      "  Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
  await indexing;

  // Keep running; if the app dies, stop the rest and say so (the worker is restarted, see above).
  for (const p of apps) {
    p.child.once("exit", (code, signal) => {
      if (!shuttingDown) void shutdown(1, `${p.name} exited (${signal ?? `code ${code}`}); see .data/logs/${p.name}.log`);
    });
  }
}

main().catch((err: unknown) => {
  console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
