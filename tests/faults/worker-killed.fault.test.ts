// Fault 3: the worker is killed with SIGKILL in the middle of a batch of notification emails and
// index updates. A new worker resumes the jobs the dead one held (they are unlocked within
// seconds, lib/jobs/worker-liveness.ts): no notification is emailed twice and every one is sent
// (counted in the SMTP sink by Message-ID), the index ends equal to the database, and no job is
// left dead.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ManagedProcess } from "@/scripts/services/util";
import { startMailSink, type MailSinkHandle } from "@/scripts/services/mail-sink";
import { appEnv, Cleanups, killHard, meilisearch, readLog, startWorkerProcess, tempDir, throwawayDatabase, UNHANDLED_REJECTION, waitUntil } from "./helpers";

const NOTIFICATIONS = 80;
const NEEDS = 8;
const USERS = 6;

const cleanups = new Cleanups();
let prisma: PrismaClient;
let env: NodeJS.ProcessEnv;
let sink: MailSinkHandle;
let logDir = "";

beforeAll(async () => {
  const databaseUrl = await throwawayDatabase(cleanups);
  const meili = await meilisearch(cleanups, tempDir(cleanups, "tb-fault3-meili-"));
  sink = await startMailSink({ maxMessages: 5_000 });
  cleanups.add(() => sink.stop());
  env = appEnv({ DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, SMTP_URL: sink.smtpUrl, WORKER_CONCURRENCY: "4" });
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: env.MEILI_INDEX_PREFIX,
  });
  ({ prisma } = await import("@/lib/db"));
  logDir = tempDir(cleanups, "tb-fault3-log-");
});

afterAll(async () => {
  await prisma?.$disconnect();
  await cleanups.run();
});

const jobCount = async (where = "true") =>
  (await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE ${where}`))[0]!.n;

describe("SIGKILL the worker mid-batch", () => {
  it("resumes on restart: every notification emailed exactly once, the index complete, no dead jobs", async () => {
    const { notifyUser } = await import("@/lib/notifications/notify");
    const { createNeed } = await import("@/lib/needs/create-need");

    // The backlog: notification emails (IMMEDIATE users) and needs to index, all queued before
    // any worker runs, through the same services (and transactions) as the app.
    const org = await prisma.organisation.create({ data: { name: "Fault Three Co", kind: "COMPANY" } });
    const users = await Promise.all(
      Array.from({ length: USERS }, (_, i) =>
        prisma.user.create({
          data: { email: `fault3-${i}@example.cn`, role: "COMPANY", organisationId: org.id },
          select: { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true },
        }),
      ),
    );
    for (let i = 0; i < NOTIFICATIONS; i++) {
      await prisma.$transaction((tx) =>
        notifyUser(tx, {
          userId: users[i % USERS]!.id,
          kind: "deal.message",
          params: { need: `新的匹配 ${i}` },
          link: `/needs/x${i}`,
          dedupeKey: `fault3:${i}`,
        }),
      );
    }
    for (let i = 0; i < NEEDS; i++) {
      await createNeed(users[0]!, {
        title: `耐高温陶瓷涂层 ${i}`,
        description: "用于燃气轮机叶片的热障涂层，需耐 1200 °C。",
        field: "新材料",
        keywords: ["涂层"],
        visibility: "PUBLIC",
      } as never);
    }
    const queued = await jobCount();
    expect(queued).toBeGreaterThanOrEqual(NOTIFICATIONS + 1);

    // Worker 1 starts on the backlog and is killed once part of the emails went out.
    const started = Date.now();
    const first = startWorkerProcess(env, "worker-1", path.join(logDir, "worker-1.log"));
    cleanups.add(() => first.stop(5_000));
    await waitUntil(() => sink.messages().length >= NOTIFICATIONS / 5, { timeoutMs: 120_000, intervalMs: 10, what: "the first emails" });
    await killHard(first);
    const killedAfterMs = Date.now() - started;
    const sentAtKill = sink.messages().length;
    // Mid-batch: the dead worker still holds jobs (locked rows), and emails are still to send.
    const lockedAtKill = await jobCount("locked_at IS NOT NULL");
    const claimedAtKill = (await prisma.notification.findMany({ where: { emailedAt: { not: null } }, select: { id: true } })).map((n) => n.id);
    console.log(
      `[fault 3] killed after ${killedAfterMs} ms: ${sentAtKill}/${NOTIFICATIONS} emails in the sink, ${claimedAtKill.length} claimed, ${lockedAtKill} jobs locked by the dead worker, ${await jobCount()} jobs queued`,
    );
    expect(lockedAtKill).toBeGreaterThan(0);
    expect(sentAtKill).toBeLessThan(NOTIFICATIONS);

    // Worker 2 resumes: the dead worker's jobs are unlocked and run.
    const resumedAt = Date.now();
    let second: ManagedProcess | undefined = startWorkerProcess(env, "worker-2", path.join(logDir, "worker-2.log"));
    cleanups.add(() => second?.stop(5_000));
    await waitUntil(async () => (await jobCount()) === 0, { timeoutMs: 120_000, intervalMs: 250, what: "the queue to drain after the restart" }).catch(
      async (err) => {
        const jobs =
          await prisma.$queryRaw`SELECT id::text, task_identifier, key, attempts, max_attempts, locked_by, left(last_error, 160) AS last_error FROM graphile_worker.jobs LIMIT 20`;
        console.error("[fault 3] queue did not drain", JSON.stringify(jobs, null, 1));
        throw err;
      },
    );
    console.log(`[fault 3] restart to drained queue ${Date.now() - resumedAt} ms`);

    // No notification emailed twice; every one claimed, and delivered. Sending is at most once
    // (lib/mail/send-mail.ts): a mail whose claim had committed when the worker died, but whose
    // final "." had not yet gone out, is lost rather than sent twice. That window is microseconds
    // wide, so it may only ever concern a job the dead worker held; it is reported, not hidden.
    const notifications = await prisma.notification.findMany({ select: { id: true, emailedAt: true } });
    expect(notifications).toHaveLength(NOTIFICATIONS);
    expect(notifications.filter((n) => !n.emailedAt)).toEqual([]);
    const perMessageId = new Map<string, number>();
    for (const m of sink.messages()) perMessageId.set(m.messageId ?? "?", (perMessageId.get(m.messageId ?? "?") ?? 0) + 1);
    const twice = [...perMessageId].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    const messageId = (id: string) => `<notification.${id}@techbridge>`;
    const inDoubt = claimedAtKill.filter((id) => !perMessageId.has(messageId(id)));
    console.log(`[fault 3] ${perMessageId.size}/${NOTIFICATIONS} emails delivered, each once; lost in the kill window: ${inDoubt.length}`);
    expect(inDoubt.length).toBeLessThanOrEqual(lockedAtKill);
    expect([...perMessageId.keys()].sort()).toEqual(
      notifications
        .filter((n) => !inDoubt.includes(n.id))
        .map((n) => messageId(n.id))
        .sort(),
    );

    // The index batches resumed too: the index holds every need at its current version.
    const { getMeili, indexUid } = await import("@/lib/search/client");
    const docs = await getMeili()
      .index(indexUid("needs_broker"))
      .getDocuments<{ id: string; version: number }>({ fields: ["id", "version"], limit: 10_000 });
    const needs = await prisma.need.findMany({ select: { id: true, version: true } });
    expect(docs.results.map((d) => `${d.id}@${d.version}`).sort()).toEqual(needs.map((n) => `${n.id}@${n.version}`).sort());

    expect(second.exited()).toBeUndefined();
    expect(readLog(path.join(logDir, "worker-2.log"))).toContain("unlocked jobs of dead workers");
    expect(readLog(path.join(logDir, "worker-1.log")) + readLog(path.join(logDir, "worker-2.log"))).not.toContain(UNHANDLED_REJECTION);
    await second.stop(10_000);
    second = undefined;
  });
});
