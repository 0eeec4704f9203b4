// Issue 14, making contact: "I can help" on a need and "I'm interested" on a result, accepted
// (thread opens, identities as the need's visibility allows) and declined with a reason code;
// the deadline's reminder and expiry; one request per sender and target; rate limited. Real
// PostgreSQL, real services and notifications.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { wordNotifications } from "@/lib/notifications/word-notification";
import { isAppError } from "@/lib/errors";
import { createNeed } from "@/lib/needs/create-need";
import { createNeedSchema } from "@/lib/needs/schemas";
import { createResult } from "@/lib/results/create-result";
import { createResultSchema } from "@/lib/results/schemas";
import { LIMITS } from "@/lib/security/rate-limit";
import { createApiUser, needBody, resultBody, type ApiUser } from "@/tests/kits/api-test-kit";
import { getContact, listContacts, postContactMessage } from "./contact-thread";
import { expireContacts, remindPendingContacts } from "./deadlines";
import { decideContact } from "./decide-contact";
import { sendContact } from "./send-contact";

const DAY = 86_400_000;
const MULTIPLIER = 0.2;
const saved = { multiplier: process.env.RATE_LIMIT_MULTIPLIER, prefix: process.env.RATE_LIMIT_PREFIX };

let company: ApiUser;
let researcher: ApiUser;
let anonymousNeedId: string;
let publicNeedId: string;
let resultId: string;

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isAppError(e) ? `${e.code}${e.key ? `:${e.key}` : ""}` : String(e)),
  );
/** The user's notifications of a kind, worded as they read them (rows store a key and params). */
const notificationsOf = async (userId: string, kind: string) => {
  const rows = await prisma.notification.findMany({ where: { userId, kind } });
  const { locale } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  return wordNotifications(locale === "en" ? "en" : "zh-CN", rows);
};

beforeAll(async () => {
  process.env.RATE_LIMIT_MULTIPLIER = String(MULTIPLIER);
  process.env.RATE_LIMIT_PREFIX = `tb:rl:test:contacts:${Date.now().toString(36)}`;
  company = await createApiUser("COMPANY", { orgName: "深圳隐名电池有限公司" });
  researcher = await createApiUser("RESEARCHER", { orgName: "南方科技大学材料系" });
  const post = (visibility: string) => createNeed(company.actor, createNeedSchema.parse(needBody({ visibility, title: `低温快充 ${visibility}` })));
  anonymousNeedId = (await post("ANONYMOUS")).id;
  publicNeedId = (await post("PUBLIC")).id;
  resultId = (await createResult(researcher.actor, createResultSchema.parse(resultBody()))).id;
});

afterAll(async () => {
  process.env.RATE_LIMIT_MULTIPLIER = saved.multiplier;
  process.env.RATE_LIMIT_PREFIX = saved.prefix;
  await prisma.$disconnect();
});

describe("making contact", () => {
  it("I can help -> accepted: the owner is notified, the thread opens, the owner stays masked on an ANONYMOUS need", async () => {
    const { id } = await sendContact(
      researcher.actor,
      { target: "need", targetId: anonymousNeedId, message: "我们课题组做过低温电解液，可以试试。" },
      { ip: null },
    );
    const received = await notificationsOf(company.actor.id, "contact.offerReceived");
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ link: `/contacts/${id}` });
    expect(received[0]!.title).toContain("低温快充 ANONYMOUS");
    expect(received[0]!.body).toContain("南方科技大学材料系"); // the owner learns who wrote

    // Before the answer: no thread for either side; the owner may decide, the sender may not.
    expect(await code(postContactMessage(researcher.actor, { contactId: id, body: "在吗？" }, { ip: null }))).toBe("NOT_FOUND");
    expect(await code(decideContact(researcher.actor, { contactId: id, decision: "ACCEPT" }))).toBe("NOT_FOUND");
    expect((await getContact(company.actor, id)).canDecide).toBe(true);
    expect((await listContacts(company.actor)).received.map((c) => c.id)).toContain(id);
    expect((await listContacts(researcher.actor)).sent.map((c) => c.id)).toContain(id);

    expect(await decideContact(company.actor, { contactId: id, decision: "ACCEPT" })).toEqual({ status: "ACCEPTED" });
    // A second decision (double click, another member): 409.
    expect(await code(decideContact(company.actor, { contactId: id, decision: "DECLINE", reasonCode: "OTHER" }))).toBe("CONFLICT:contactDecided");
    expect(await notificationsOf(researcher.actor.id, "contact.accepted")).toHaveLength(1);

    await postContactMessage(researcher.actor, { contactId: id, body: "方便的话下周线上聊？" }, { ip: null });
    await postContactMessage(company.actor, { contactId: id, body: "可以，周二下午。" }, { ip: null });
    const asSender = await getContact(researcher.actor, id);
    expect(asSender.messages.map((m) => m.body)).toEqual(["方便的话下周线上聊？", "可以，周二下午。"]);
    expect(asSender.ownerName).toBeNull(); // ANONYMOUS: the company is not named to the sender
    expect(JSON.stringify(asSender)).not.toContain("深圳隐名电池有限公司");
    expect((await getContact(company.actor, id)).sender).toEqual({ name: researcher.actor.name ?? researcher.actor.email, organisation: "南方科技大学材料系" });
    expect(await notificationsOf(company.actor.id, "contact.message")).toHaveLength(1);
    expect(await notificationsOf(researcher.actor.id, "contact.message")).toHaveLength(1);

    // One request per sender and need.
    expect(await code(sendContact(researcher.actor, { target: "need", targetId: anonymousNeedId, message: "再发一次试试看可以吗" }, { ip: null }))).toBe(
      "CONFLICT:contactExists",
    );
  });

  it("I'm interested -> declined with a reason code; the reason reaches the sender in their language", async () => {
    const { id } = await sendContact(company.actor, { target: "result", targetId: resultId, message: "想把这个工艺用在我们的产线上。" }, { ip: null });
    expect(await notificationsOf(researcher.actor.id, "contact.interestReceived")).toHaveLength(1);
    expect(await decideContact(researcher.actor, { contactId: id, decision: "DECLINE", reasonCode: "NO_CAPACITY" })).toEqual({ status: "DECLINED" });
    const [declined] = await notificationsOf(company.actor.id, "contact.declined");
    expect(declined!.body).toContain("暂无精力跟进");
    const view = await getContact(company.actor, id);
    expect(view).toMatchObject({ status: "DECLINED", declineReason: "NO_CAPACITY", canMessage: false, ownerName: "南方科技大学材料系" });
    expect(await code(postContactMessage(company.actor, { contactId: id, body: "那以后再说" }, { ip: null }))).toBe("NOT_FOUND");
  });

  it("reminds the owner before the deadline and expires the request after it, once each", async () => {
    const other = await createApiUser("RESEARCHER");
    const sentAt = new Date();
    const { id } = await sendContact(other.actor, { target: "need", targetId: publicNeedId, message: "我们有现成的测试平台。" }, { ip: null, now: sentAt });
    expect(await remindPendingContacts(prisma, new Date(sentAt.getTime() + 1 * DAY), id)).toBe(0); // not yet due
    expect(await remindPendingContacts(prisma, new Date(sentAt.getTime() + 6 * DAY), id)).toBe(1);
    expect(await remindPendingContacts(prisma, new Date(sentAt.getTime() + 6 * DAY), id)).toBe(0); // dedupe
    expect(await notificationsOf(company.actor.id, "contact.reminder")).toHaveLength(1);
    expect(await expireContacts(prisma, new Date(sentAt.getTime() + 6 * DAY), id)).toBe(0);
    expect(await expireContacts(prisma, new Date(sentAt.getTime() + 8 * DAY), id)).toBe(1);
    expect(await expireContacts(prisma, new Date(sentAt.getTime() + 9 * DAY), id)).toBe(0);
    expect((await getContact(other.actor, id)).status).toBe("EXPIRED");
    expect(await notificationsOf(other.actor.id, "contact.expired")).toHaveLength(1);
    // A PUBLIC need names its owner to the sender; an expired request cannot be accepted any more.
    expect((await getContact(other.actor, id)).ownerName).toBe("深圳隐名电池有限公司");
    expect(await code(decideContact(company.actor, { contactId: id, decision: "ACCEPT" }))).toBe("CONFLICT:contactDecided");
  });

  it("is rate limited per account (429 before the limit store fills with spam)", async () => {
    const spammer = await createApiUser("RESEARCHER");
    const allowed = Math.max(1, Math.round(LIMITS.contact.account.points * MULTIPLIER));
    const targets: string[] = [];
    for (let i = 0; i <= allowed; i++)
      targets.push((await createNeed(company.actor, createNeedSchema.parse(needBody({ visibility: "PUBLIC", title: `限流需求 ${i}` })))).id);
    const outcomes: string[] = [];
    for (const targetId of targets)
      outcomes.push(await code(sendContact(spammer.actor, { target: "need", targetId, message: "广告广告广告广告广告广告" }, { ip: null })));
    expect(outcomes.slice(0, allowed)).toEqual(Array(allowed).fill("ok"));
    expect(outcomes[allowed]).toMatch(/^RATE_LIMITED/);
  });
});
