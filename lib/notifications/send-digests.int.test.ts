// Digests are sent at least once: a sender killed in the middle of sending one (after choosing
// its items) leaves them unmarked, the next run sends them, and a digest that was sent is not
// sent again.
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { bin, projectRoot, startProcess, type ManagedProcess } from "@/scripts/services/util";
import { sendDigests } from "./send-digests";

const email = `digest-${Date.now()}@example.cn`;
let userId = "";

async function inbox(to: string): Promise<Array<{ subject: string; messageId?: string }>> {
  const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as Array<{ subject: string; messageId?: string }>;
}
const emailedAt = async () => (await prisma.notification.findMany({ where: { userId }, select: { emailedAt: true } })).map((n) => n.emailedAt);

/** An SMTP server that takes the connection and the sender, then never answers the recipient. */
async function stallingSmtpServer(): Promise<{ url: string; reachedRecipient: Promise<void>; close: () => Promise<void> }> {
  let reached!: () => void;
  const reachedRecipient = new Promise<void>((resolve) => (reached = resolve));
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onRcptTo: () => reached(), // no callback: the sender waits for ever
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, reachedRecipient, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs sendDigests("DAILY") in a separate process, as the worker's job would. */
function digestProcess(smtpUrl: string): ManagedProcess {
  const digestModule = path.join(projectRoot, "lib", "notifications", "send-digests.ts");
  return startProcess(
    "digest",
    bin("tsx"),
    ["--conditions=react-server", "--eval", `import(${JSON.stringify(digestModule)}).then((m) => m.sendDigests("DAILY"))`],
    { env: { ...process.env, SMTP_URL: smtpUrl }, output: "ignore" },
  );
}

beforeAll(async () => {
  userId = (await prisma.user.create({ data: { email, role: "RESEARCHER", emailDigest: "DAILY", locale: "en" } })).id;
  for (const i of [1, 2]) {
    await prisma.notification.create({
      data: { userId, kind: "match.new", title: `Digest item ${i}`, body: "A need matches your expertise", dedupeKey: `digest-test-${i}` },
    });
  }
});

afterAll(() => prisma.$disconnect());

describe("sendDigests", () => {
  it("sends a digest whose sender was killed mid-send on the next run, and then not again", async () => {
    const smtp = await stallingSmtpServer();
    const sender = digestProcess(smtp.url);
    try {
      // The sender has chosen the items and is handing the digest to the mail server: kill -9.
      await Promise.race([
        smtp.reachedRecipient,
        new Promise((_, reject) =>
          sender.child.once("exit", async () => reject(new Error(`the digest process exited first:\n${await sender.finalOutputTail()}`))),
        ),
      ]);
      process.kill(-sender.child.pid!, "SIGKILL");
      await new Promise((resolve) => sender.child.once("exit", resolve));
    } finally {
      await sender.stop(0);
      await smtp.close();
    }
    // Nothing was marked as emailed, so the next run still has the digest to send.
    expect(await emailedAt()).toEqual([null, null]);
    expect(await inbox(email)).toEqual([]);

    expect(await sendDigests("DAILY")).toEqual({ sent: 1, failed: 0 });
    const mails = await inbox(email);
    expect(mails.map((m) => m.subject)).toEqual(["TechBridge daily digest: 2 new notifications"]);
    expect((await emailedAt()).every((d) => d !== null)).toBe(true);

    expect(await sendDigests("DAILY")).toEqual({ sent: 0, failed: 0 });
    expect(await inbox(email)).toHaveLength(1);
  });

  it("sends one digest when two runs race for the same items", async () => {
    const to = `digest-race-${Date.now()}@example.cn`;
    const racer = await prisma.user.create({ data: { email: to, role: "RESEARCHER", emailDigest: "DAILY", locale: "en" } });
    await prisma.notification.create({ data: { userId: racer.id, kind: "match.new", title: "Raced item", body: "b", dedupeKey: "digest-race" } });
    const runs = await Promise.all([sendDigests("DAILY"), sendDigests("DAILY")]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect((await inbox(to)).map((m) => m.subject)).toEqual(["TechBridge daily digest: 1 new notification"]);
  });
});
