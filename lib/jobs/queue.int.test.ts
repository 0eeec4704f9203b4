// The job queue's operations side against the real database: dead letters listed and retried,
// queue figures for /api/health, dead workers' jobs unlocked, notification emails sent once.
import { runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { enqueueJob, shardOf } from "./enqueue";
import { getQueueState, listDeadJobs, retryDeadJobs } from "./queue-state";
import { startWorkerLiveness } from "./worker-liveness";
import { emailNotification } from "@/lib/notifications/email-notification";

const url = process.env.DATABASE_URL!;

async function clearQueue() {
  await prisma.$executeRawUnsafe("DELETE FROM graphile_worker._private_jobs");
}

async function sinkMessages(to: string): Promise<Array<{ subject: string; messageId?: string; headers?: Record<string, string> }>> {
  const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as Array<{ subject: string }>;
}

let userId = "";
const email = `queue-${Date.now()}@example.cn`;

beforeAll(async () => {
  const org = await prisma.organisation.create({ data: { name: `Queue Org ${Date.now()}`, kind: "COMPANY" } });
  userId = (await prisma.user.create({ data: { email, role: "COMPANY", organisationId: org.id } })).id;
});

afterAll(async () => {
  await clearQueue();
  await prisma.$disconnect();
});

describe("dead letters", () => {
  it("lists permanently failed jobs, counts them in the queue state and retries them", async () => {
    await clearQueue();
    await prisma.$transaction((tx) => enqueueJob(tx, "index-need", { needId: "n-dead" }, { maxAttempts: 1 }));
    await prisma.$transaction((tx) => enqueueJob(tx, "email-notification", { notificationId: "n-ok" }, { jobKey: "email-notification:n-ok" }));
    const failing = {
      "index-needs": async (payload: unknown) => {
        if ((payload as string[]).includes("n-dead")) throw new Error("Meilisearch task 42 failed: index_not_found");
      },
      "email-notification": async () => undefined,
    };
    await runOnce({ connectionString: url, taskList: failing, noHandleSignals: true });

    const state = await getQueueState(prisma);
    expect(state).toMatchObject({ depth: 0, deadLetters: 1, running: 0 });
    const dead = await listDeadJobs(prisma);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ task: "index-needs", key: `index-needs:${shardOf("n-dead")}`, attempts: 1 });
    expect(dead[0]!.lastError).toContain("index_not_found");

    expect(await retryDeadJobs(prisma, ["999999999", "not-a-number"])).toEqual([]);
    expect(await retryDeadJobs(prisma, [dead[0]!.id])).toEqual([dead[0]!.id]);
    const after = await getQueueState(prisma);
    expect(after).toMatchObject({ depth: 1, deadLetters: 0 });
    expect(after.oldestJobAgeSeconds).toBeGreaterThanOrEqual(0);

    // Retried, it now succeeds and leaves the queue empty.
    await runOnce({ connectionString: url, taskList: { "index-needs": async () => undefined }, noHandleSignals: true });
    expect(await getQueueState(prisma)).toMatchObject({ depth: 0, deadLetters: 0 });
  });

  it("counts jobs planned for later as scheduled, not as a waiting backlog", async () => {
    await clearQueue();
    const nextMonth = new Date(Date.now() + 30 * 86_400_000);
    await prisma.$transaction((tx) =>
      enqueueJob(tx, "email-notification", { notificationId: "later" }, { jobKey: "email-notification:later", runAt: nextMonth }),
    );
    await prisma.$transaction((tx) => enqueueJob(tx, "email-notification", { notificationId: "now" }, { jobKey: "email-notification:now" }));
    const state = await getQueueState(prisma);
    expect(state).toMatchObject({ depth: 1, scheduled: 1 });
    expect(state.nextScheduledAt?.getTime()).toBeCloseTo(nextMonth.getTime(), -4);
    expect(state.oldestJobAgeSeconds).toBeLessThan(60);
    await clearQueue();
  });

  it("batches index updates: many writes append their ids to one pending job", async () => {
    await clearQueue();
    // Ids of one shard share one pending job.
    const ids = Array.from({ length: 200 }, (_, i) => `need-${i}`)
      .filter((id) => shardOf(id) === 3)
      .slice(0, 3);
    for (let i = 0; i < 5; i++) {
      await prisma.$transaction((tx) => enqueueJob(tx, "index-need", { needId: ids[i % 3]! }, { jobKey: "ignored" }));
    }
    expect((await getQueueState(prisma)).depth).toBe(1);
    const [job] = await prisma.$queryRaw<{ payload: string[]; key: string }[]>`SELECT payload, key FROM graphile_worker._private_jobs`;
    expect(job).toEqual({ key: "index-needs:3", payload: [ids[0], ids[1], ids[2], ids[0], ids[1]] });
    await clearQueue();
  });
});

describe("worker liveness", () => {
  it("unlocks jobs held by a dead worker but never those of a live one", async () => {
    await clearQueue();
    await prisma.$transaction((tx) => enqueueJob(tx, "email-notification", { notificationId: "n-a" }, { jobKey: "n-a" }));
    await prisma.$transaction((tx) => enqueueJob(tx, "email-notification", { notificationId: "n-b" }, { jobKey: "n-b" }));
    const live = await startWorkerLiveness(url);
    const observer = await startWorkerLiveness(url);
    try {
      await live.register("worker-alive");
      // Simulate two crashed-or-running workers holding one job each for a while.
      await prisma.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '1 minute',
        locked_by = CASE WHEN key = 'n-a' THEN 'worker-dead' ELSE 'worker-alive' END`);
      expect(await observer.reclaimDeadWorkers()).toEqual(["worker-dead"]);
      const rows = await prisma.$queryRaw<{ key: string; locked_by: string | null }[]>`SELECT key, locked_by FROM graphile_worker.jobs ORDER BY key`;
      expect(rows).toEqual([
        { key: "n-a", locked_by: null },
        { key: "n-b", locked_by: "worker-alive" },
      ]);
    } finally {
      await live.close();
      await observer.close();
      await clearQueue();
    }
  });
});

describe("notification emails", () => {
  it("sends a notification once, however often its job runs (also concurrently)", async () => {
    const n = await prisma.notification.create({
      data: { userId, kind: "match.new", title: "新的匹配成果", body: "有 3 项成果与您的需求匹配", link: "/zh-CN/needs/x", dedupeKey: `m-${Date.now()}` },
    });
    const outcomes = await Promise.all([emailNotification(n.id), emailNotification(n.id), emailNotification(n.id)]);
    expect(outcomes.sort()).toEqual(["already-sent", "already-sent", "sent"]);
    expect(await emailNotification(n.id)).toBe("already-sent");
    const mails = await sinkMessages(email);
    expect(mails.map((m) => m.subject)).toEqual(["技术桥：新的匹配成果"]);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).emailedAt).not.toBeNull();
  });

  it("leaves digest users' notifications to the digest, but always sends security notices", async () => {
    await prisma.user.update({ where: { id: userId }, data: { emailDigest: "WEEKLY" } });
    try {
      const digest = await prisma.notification.create({ data: { userId, kind: "match.new", title: "digest", body: "b", dedupeKey: `d-${Date.now()}` } });
      const security = await prisma.notification.create({
        data: { userId, kind: "security.locked", title: "locked", body: "b", dedupeKey: `s-${Date.now()}` },
      });
      expect(await emailNotification(digest.id)).toBe("not-immediate");
      expect(await emailNotification(security.id)).toBe("sent");
      expect(await emailNotification("missing-id")).toBe("missing");
    } finally {
      await prisma.user.update({ where: { id: userId }, data: { emailDigest: "IMMEDIATE" } });
    }
  });
});
