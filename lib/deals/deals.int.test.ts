// The deal pipeline end to end at the service level, against the real PostgreSQL (and the real
// mail sink for the notification email): introduce, respond, move, contract, follow-up, deadlines,
// version conflicts, confidentiality of what each side sees.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { wordNotifications } from "@/lib/notifications/word-notification";
import { isAppError } from "@/lib/errors";
import { wordError } from "@/lib/errors-edge";
import type { Role, Visibility } from "@/lib/generated/prisma/enums";
import { emailNotification } from "@/lib/notifications/email-notification";
import type { Actor } from "@/lib/policy";
import { recordContract } from "./contract";
import { flagLapsedIntroductions, remindFollowUps, remindPendingResponses } from "./deadlines";
import { recordOutcome } from "./follow-up";
import { getDeal } from "./get-deal";
import { introduceResearcher } from "./introduce";
import { listMyDeals } from "./list-deals";
import { postDealMessage } from "./messages";
import { respondToIntroduction } from "./respond";
import { transitionDeal } from "./transition";

const run = Math.random().toString(36).slice(2, 8);
let seq = 0;

async function makeUser(role: Role, orgName: string, kind: "COMPANY" | "UNIVERSITY" | "TTO"): Promise<Actor> {
  const org = await prisma.organisation.upsert({ where: { name: `${orgName}-${run}` }, create: { name: `${orgName}-${run}`, kind }, update: {} });
  const u = await prisma.user.create({
    data: { email: `${role.toLowerCase()}-${run}-${++seq}@example.test`, name: `${role}-${seq}`, role, organisationId: org.id },
  });
  return { id: u.id, role: u.role, organisationId: org.id, isOrgAdmin: false, email: u.email, name: u.name };
}

// The need is assigned to the broker who runs its deals (issue 11: only the need's broker introduces).
async function makeNeed(owner: Actor, visibility: Visibility, brokerId: string | null = broker.id) {
  return prisma.need.create({
    data: {
      title: `低温快充电池需求 ${++seq}`,
      teaser: "一家电池企业寻求低温快充方案",
      description: "机密：CANARY-NEED-TEXT 我们需要在零下二十度实现快充。",
      field: "新能源",
      visibility,
      organisationId: owner.organisationId!,
      createdById: owner.id,
      brokerId,
    },
  });
}

async function makeResult(researcher: Actor) {
  return prisma.result.create({
    data: { title: `电解液添加剂 ${++seq}`, summary: "低温电解液", field: "新能源", organisationId: researcher.organisationId!, createdById: researcher.id },
  });
}

async function expectAppError(p: Promise<unknown>, code: string, message: RegExp) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  // As a reader sees it, in either language (the edge words it).
  expect(isAppError(error) ? [error.code, `${wordError(error, "zh-CN")} | ${wordError(error, "en")}`] : error).toEqual([code, expect.stringMatching(message)]);
}

const jobsFor = async (id: string) =>
  await prisma.$queryRaw<{ task_identifier: string; run_at: Date }[]>`
    SELECT t.identifier AS task_identifier, j.run_at FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.payload::text LIKE ${`%${id}%`} AND t.identifier <> 'email-notification' ORDER BY j.run_at`;

let owner: Actor, researcher: Actor, broker: Actor, outsider: Actor;

beforeAll(async () => {
  owner = await makeUser("COMPANY", "深圳电池", "COMPANY");
  researcher = await makeUser("RESEARCHER", "某大学", "UNIVERSITY");
  broker = await makeUser("BROKER", "技术转移中心", "TTO");
  outsider = await makeUser("RESEARCHER", "另一大学", "UNIVERSITY");
});

describe("deal pipeline", () => {
  it("introduces, reveals the company only after both accept, moves to contract and reminds the broker at 6 months", async () => {
    const need = await makeNeed(owner, "CONFIDENTIAL");
    const result = await makeResult(researcher);
    const now = new Date("2026-11-01T08:00:00Z");
    const { id } = await introduceResearcher(broker, { needId: need.id, resultId: result.id, respondWithinDays: 7, note: "电池方向的合作" }, now);

    const intro = await prisma.introduction.findUniqueOrThrow({ where: { id } });
    expect(intro).toMatchObject({ state: "SUGGESTED", researcherId: researcher.id, brokerId: broker.id, respondBy: new Date("2026-11-08T08:00:00Z") });
    const notified = await prisma.notification.findMany({ where: { dedupeKey: `deal:${id}:introduced` }, select: { userId: true, title: true, body: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([owner.id, researcher.id].sort());
    expect(JSON.stringify(notified)).not.toMatch(/CANARY|深圳电池|低温快充电池需求/);
    expect((await jobsFor(id)).map((j) => j.task_identifier)).toEqual(["deal-respond-reminder", "deal-respond-lapse"]);

    // Before both accept: the researcher sees the teaser only, never the company or the full text.
    const before = await getDeal(researcher, id);
    expect(before.deal).toMatchObject({
      side: "researcher",
      revealed: false,
      company: null,
      awaitingMyAnswer: true,
      need: { description: null, teaser: "一家电池企业寻求低温快充方案" },
    });
    expect(JSON.stringify(before)).not.toMatch(/CANARY|深圳电池/);
    await expectAppError(getDeal(outsider, id), "NOT_FOUND", /Not found/);

    let r = await respondToIntroduction(owner, id, { decision: "accept", version: 1 });
    expect(r).toEqual({ state: "SUGGESTED", version: 2 });
    expect((await getDeal(researcher, id)).deal.company).toBeNull();
    r = await respondToIntroduction(researcher, id, { decision: "accept", version: 2 });
    expect(r).toEqual({ state: "INTRODUCED", version: 3 });
    const after = await getDeal(researcher, id);
    expect(after.deal).toMatchObject({
      revealed: true,
      company: { name: `深圳电池-${run}` },
      need: { description: expect.stringContaining("CANARY-NEED-TEXT") },
    });

    // An invalid move is refused with a clear message, and nothing changes.
    await expectAppError(
      transitionDeal(broker, id, { to: "CONTRACT_SIGNED", version: 3 }),
      "VALIDATION",
      /^不允许的状态变更：不能从「已引荐」变为「已签合同」。 \| /,
    );
    await expectAppError(transitionDeal(broker, id, { to: "COMPLETED", version: 3 }), "VALIDATION", /不允许的状态变更：不能从「已引荐」变为「已完成」/);
    await expectAppError(transitionDeal(outsider, id, { to: "NDA_SIGNED", version: 3 }), "NOT_FOUND", /Not found/);

    expect(await transitionDeal(broker, id, { to: "NDA_SIGNED", version: 3 })).toEqual({ state: "NDA_SIGNED", version: 4 });
    // Two people move the same version at once: exactly one wins, the other gets a 409 naming the current state.
    const both = await Promise.allSettled([
      transitionDeal(broker, id, { to: "NEGOTIATING", version: 4 }),
      transitionDeal(owner, id, { to: "STALLED", version: 4 }),
    ]);
    expect(both.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    const loser = both.find((s) => s.status === "rejected") as PromiseRejectedResult;
    expect(isAppError(loser.reason) && loser.reason.code).toBe("CONFLICT");
    expect(wordError(loser.reason, "zh-CN")).toMatch(/已被他人更新.*您的修改未保存/);
    let current = await prisma.introduction.findUniqueOrThrow({ where: { id } });
    if (current.state === "STALLED") {
      expect(await transitionDeal(broker, id, { to: "NDA_SIGNED", version: current.version })).toMatchObject({ state: "NDA_SIGNED" });
      current = await prisma.introduction.findUniqueOrThrow({ where: { id } });
      await transitionDeal(broker, id, { to: "NEGOTIATING", version: current.version });
      current = await prisma.introduction.findUniqueOrThrow({ where: { id } });
    }
    expect(current.state).toBe("NEGOTIATING");
    // Signing needs the contract record, not a bare move.
    await expectAppError(transitionDeal(broker, id, { to: "CONTRACT_SIGNED", version: current.version }), "VALIDATION", /请填写合同信息/);
    // A stale version is refused even when the move itself is valid.
    await expectAppError(
      recordContract(broker, id, {
        mode: "LICENCE",
        valueCny: 1_200_000,
        contractRegistrationNo: "2026440300012345",
        signedAt: "2026-12-01",
        milestones: [],
        version: 1,
      }),
      "CONFLICT",
      /Someone else updated this deal.*“Negotiating”/,
    );

    const signed = await recordContract(broker, id, {
      mode: "LICENCE",
      valueCny: 1_200_000,
      contractRegistrationNo: "2026440300012345",
      signedAt: "2026-12-01",
      milestones: [{ title: "首付款", amountCny: 300_000, dueAt: "2027-01-15" }],
      version: current.version,
    });
    expect(signed.state).toBe("CONTRACT_SIGNED");
    const contract = await prisma.contract.findUniqueOrThrow({ where: { introductionId: id }, include: { followUps: { orderBy: { monthsAfter: "asc" } } } });
    expect(contract.followUps.map((f) => [f.monthsAfter, f.dueAt.toISOString()])).toEqual([
      [6, "2027-06-01T00:00:00.000Z"],
      [12, "2027-12-01T00:00:00.000Z"],
    ]);
    expect((await jobsFor(contract.followUps[0]!.id)).map((j) => [j.task_identifier, j.run_at.toISOString()])).toEqual([
      ["follow-up-reminder", "2027-05-25T00:00:00.000Z"],
    ]);

    // Time-driven reminder: nothing early, one notification at the notice date, never twice.
    expect(await remindFollowUps(prisma, new Date("2027-05-01T00:00:00Z"), contract.followUps[0]!.id)).toBe(0);
    expect(await remindFollowUps(prisma, new Date("2027-05-26T00:00:00Z"), contract.followUps[0]!.id)).toBe(1);
    expect(await remindFollowUps(prisma, new Date("2027-05-27T00:00:00Z"), contract.followUps[0]!.id)).toBe(0);
    const reminder = await prisma.notification.findFirstOrThrow({ where: { userId: broker.id, kind: "deal.follow_up_due" } });
    expect(reminder).toMatchObject({ link: `/deals/${id}` });
    // It names the deal's need (the broker may see it), in the reader's language when read.
    expect((await wordNotifications("zh-CN", [reminder]))[0]!.title).toBe(`6 个月成果回访到期：${need.title}`);
    expect((await wordNotifications("en", [reminder]))[0]!.title).toBe(`6-month outcome follow-up due: ${need.title}`);

    // An outcome cannot be recorded before its window opens (a month before it is due).
    const early = recordOutcome(broker, contract.followUps[0]!.id, { productLaunched: true }, new Date("2027-04-30T00:00:00Z"));
    await expect(early).rejects.toMatchObject({ code: "CONFLICT", key: "deal.followUpNotOpen", params: { date: "2027-05-02" } });
    const inWindow = new Date("2027-05-26T00:00:00Z");
    await recordOutcome(broker, contract.followUps[0]!.id, { productLaunched: true, revenueCny: 500_000, patentsFiled: 2, jobsCreated: 5 }, inWindow);
    await expectAppError(recordOutcome(broker, contract.followUps[0]!.id, { productLaunched: true }, inWindow), "CONFLICT", /已登记/);
    await expectAppError(recordOutcome(owner, contract.followUps[1]!.id, { productLaunched: true }), "FORBIDDEN", /not allowed/);

    const signedView = await getDeal(researcher, id);
    expect(signedView.deal.contract).toMatchObject({
      mode: "LICENCE",
      valueCny: 1_200_000,
      contractRegistrationNo: "2026440300012345",
      milestones: [{ title: "首付款", amountCny: 300_000, dueAt: "2027-01-15" }],
    });
    expect(signedView.deal.contract?.followUps.map((f) => f.monthsAfter)).toEqual([6, 12]);
    const timeline = (await getDeal(broker, id)).timeline;
    expect(timeline.slice(0, 3).map((e) => [e.from, e.to, e.actor])).toEqual([
      [null, "SUGGESTED", broker.name],
      ["SUGGESTED", "INTRODUCED", researcher.name],
      ["INTRODUCED", "NDA_SIGNED", broker.name],
    ]);
    expect(timeline.slice(-2).map((e) => e.to)).toEqual(["NEGOTIATING", "CONTRACT_SIGNED"]);
    expect((await listMyDeals(broker)).find((d) => d.id === id)?.state).toBe("CONTRACT_SIGNED");
  });

  it("declines with a reason code that reaches the other side", async () => {
    const need = await makeNeed(owner, "PUBLIC");
    const { id } = await introduceResearcher(broker, { needId: need.id, resultId: (await makeResult(researcher)).id, respondWithinDays: 7 });
    await expectAppError(respondToIntroduction(researcher, id, { decision: "decline", version: 1 }), "VALIDATION", /请选择原因/);
    await respondToIntroduction(researcher, id, { decision: "decline", reason: "TRL_MISMATCH", version: 1 });
    const toOwner = await prisma.notification.findFirstOrThrow({ where: { userId: owner.id, dedupeKey: `deal:${id}:declined` } });
    expect((await wordNotifications("zh-CN", [toOwner]))[0]!.body).toContain("技术成熟度不匹配");
    expect((await wordNotifications("en", [toOwner]))[0]!.body).toContain("Readiness level does not fit");
    expect((await prisma.introduction.findUniqueOrThrow({ where: { id } })).declineReason).toBe("TRL_MISMATCH");
    await expectAppError(respondToIntroduction(owner, id, { decision: "accept", version: 2 }), "CONFLICT", /不再等待答复/);
    await expectAppError(transitionDeal(broker, id, { to: "INTRODUCED", version: 2 }), "VALIDATION", /cannot move/);
  });

  it("reminds the silent sides before the deadline and flags a lapsed introduction to the broker", async () => {
    const need = await makeNeed(owner, "BROKER_ONLY");
    const start = new Date("2026-11-10T00:00:00Z");
    const { id } = await introduceResearcher(broker, { needId: need.id, resultId: (await makeResult(researcher)).id, respondWithinDays: 7 }, start);
    // A BROKER_ONLY need shows the researcher neither its title nor its owner.
    const seen = await getDeal(researcher, id);
    expect(seen.deal.need).toEqual({ id: null, title: null, teaser: null, description: null, visibility: "BROKER_ONLY" });
    expect(JSON.stringify(seen)).not.toMatch(/低温快充电池需求|深圳电池|CANARY/);
    await respondToIntroduction(owner, id, { decision: "accept", version: 1 });

    expect(await remindPendingResponses(prisma, new Date("2026-11-12T00:00:00Z"), id)).toBe(0);
    expect(await remindPendingResponses(prisma, new Date("2026-11-16T00:00:00Z"), id)).toBe(1);
    expect(await remindPendingResponses(prisma, new Date("2026-11-16T12:00:00Z"), id)).toBe(0);
    expect((await prisma.notification.findMany({ where: { dedupeKey: `deal:${id}:remind` } })).map((n) => n.userId)).toEqual([researcher.id]);
    // Neither what is stored for the researcher nor what they read names the BROKER_ONLY need; the owner's notice does.
    const researcherRows = await prisma.notification.findMany({ where: { userId: researcher.id, link: `/deals/${id}` } });
    expect(researcherRows.length).toBeGreaterThan(0);
    for (const locale of ["zh-CN", "en"] as const) {
      expect(JSON.stringify([researcherRows, await wordNotifications(locale, researcherRows)])).not.toMatch(/低温快充电池需求|深圳电池|CANARY/);
    }
    const ownerRow = await prisma.notification.findFirstOrThrow({ where: { userId: owner.id, dedupeKey: `deal:${id}:introduced` } });
    expect((await wordNotifications("en", [ownerRow]))[0]!.title).toContain(need.title);

    expect(await flagLapsedIntroductions(prisma, new Date("2026-11-16T00:00:00Z"), id)).toBe(0);
    expect(await flagLapsedIntroductions(prisma, new Date("2026-11-17T00:00:01Z"), id)).toBe(1);
    expect(await flagLapsedIntroductions(prisma, new Date("2026-11-18T00:00:00Z"), id)).toBe(0);
    expect((await getDeal(broker, id, new Date("2026-11-18T00:00:00Z"))).deal.lapsed).toBe(true);
  });

  it("keeps a message thread per introduction, hiding the company's people from the researcher until the reveal", async () => {
    const need = await makeNeed(owner, "ANONYMOUS");
    const { id } = await introduceResearcher(broker, { needId: need.id, resultId: (await makeResult(researcher)).id, respondWithinDays: 7 });
    await postDealMessage(owner, id, "请问贵团队的样品能否在零下二十度测试？");
    await postDealMessage(researcher, id, "可以。");
    await expectAppError(postDealMessage(outsider, id, "hi"), "NOT_FOUND", /Not found/);
    const seen = await getDeal(researcher, id);
    expect(seen.messages.map((m) => [m.sender, m.body, m.mine])).toEqual([
      ["", "请问贵团队的样品能否在零下二十度测试？", false],
      [researcher.name, "可以。", true],
    ]);
    expect((await getDeal(owner, id)).messages[0]!.sender).toBe(owner.name);
  });

  it("emails a notification once, through the mail sink", async () => {
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: researcher.id, kind: "deal.introduced" } });
    expect(await emailNotification(n.id)).toBe("sent");
    expect(await emailNotification(n.id)).toBe("already-sent");
    const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(researcher.email)}`);
    const mails = (await res.json()) as { subject: string; text: string }[];
    const [worded] = await wordNotifications("zh-CN", [n]);
    expect(worded!.title).toContain("技术经纪人为您推荐了一位合作伙伴");
    expect(mails.filter((m) => m.subject === `技术桥：${worded!.title}`)).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/zh-CN/notifications/${n.id}/open`);
    expect(n.link).toMatch(/^\/deals\/[a-z0-9]+$/);
  });
});
