// The broker workbench services against the real PostgreSQL and Meilisearch: queue filters,
// triage (assign, clarify, suggested edit approved by the owner, ready), candidates from the
// matcher, visits with drafts written in the wizard, clarification requests answered by the owner,
// and metrics.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { wordFields } from "@/lib/errors-edge";
import { wordNotifications } from "@/lib/notifications/word-notification";
import { openNotification } from "@/lib/notifications/read-notifications";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordContract } from "@/lib/deals/contract";
import { introduceResearcher } from "@/lib/deals/introduce";
import { respondToIntroduction } from "@/lib/deals/respond";
import { transitionDeal } from "@/lib/deals/transition";
import type { Actor } from "@/lib/policy";
import { syncNeed, syncResult } from "@/lib/search/sync";
import { getNeedCandidates } from "./candidates";
import { getBrokerMetrics } from "./metrics";
import { listBrokerQueue } from "./queue";
import { verifyOrganisation } from "@/lib/orgs/verify-organisation";
import { OPERATOR } from "@/lib/staff/staff-grants";
import { claimNeed, decideNeedEdit, getNeedEditProposal, getTriage, markNeedReady, proposeNeedEdit, requestClarification } from "./triage";
import { createVisit, listMyVisits } from "@/lib/visits/create-visit";
import { saveNeedDraft } from "@/lib/needs/save-need-draft";
import { needDraftSchema } from "@/lib/needs/schemas";
import { answerClarification, listClarifications } from "@/lib/needs/clarifications";
import { listNeedAudit } from "@/lib/access/list-need-audit";

const run = Math.random().toString(36).slice(2, 8);
let seq = 0;
const DAY = 86_400_000;

async function makeUser(role: Role, orgName: string, kind: "COMPANY" | "UNIVERSITY" | "TTO"): Promise<Actor> {
  const org = await prisma.organisation.upsert({ where: { name: `${orgName}-${run}` }, create: { name: `${orgName}-${run}`, kind }, update: {} });
  const u = await prisma.user.create({
    data: { email: `${role.toLowerCase()}-${run}-${++seq}@example.test`, name: `${role}-${run}-${seq}`, role, organisationId: org.id },
  });
  return { id: u.id, role: u.role, organisationId: org.id, isOrgAdmin: false, email: u.email, name: u.name };
}

let owner: Actor, researcher: Actor, broker: Actor, otherCompany: Actor;
const now = new Date();
let chainId: string, nodeId: string;

beforeAll(async () => {
  owner = await makeUser("COMPANY", "光电企业", "COMPANY");
  otherCompany = await makeUser("COMPANY", "别家企业", "COMPANY");
  researcher = await makeUser("RESEARCHER", "光学研究所", "UNIVERSITY");
  broker = await makeUser("BROKER", "南山技术转移中心", "TTO");
  chainId = `chain-${run}`;
  nodeId = `node-${run}`;
  await prisma.industryChain.create({
    data: { id: chainId, nameZh: "光电", nameEn: "Optoelectronics", nodes: { create: { id: nodeId, stage: "UPSTREAM", nameZh: "激光器", nameEn: "Lasers" } } },
  });
});

const need = (over: Record<string, unknown> = {}) =>
  prisma.need.create({
    data: {
      title: `需求 ${run} ${++seq}`,
      description: "需要一种用于激光雷达的高功率窄线宽半导体激光器，工作温度范围宽。",
      field: "光电",
      organisationId: owner.organisationId!,
      createdById: owner.id,
      status: "PUBLISHED",
      ...over,
    },
  });

describe("broker queue", () => {
  it("lists new needs and filters by industry chain, region and age; stale needs separately", async () => {
    const fresh = await need({ chainNodeId: nodeId, region: "深圳市南山区" });
    const old = await need({ region: "北京", createdAt: new Date(now.getTime() - 45 * DAY) });
    const ready = await need({ triageStatus: "READY", chainNodeId: nodeId });
    await prisma.$executeRaw`UPDATE "Need" SET "updatedAt" = ${new Date(now.getTime() - 40 * DAY)} WHERE id = ${old.id}`;
    const draft = await need({ status: "DRAFT" });
    const ids = async (filter: Parameters<typeof listBrokerQueue>[1]) =>
      (await listBrokerQueue(broker, filter, now))
        .map((i) => i.id)
        .filter((id) => [fresh.id, old.id, ready.id, draft.id].includes(id))
        .sort();

    expect(await ids({ view: "new" })).toEqual([fresh.id, old.id].sort());
    expect(await ids({ view: "new", chain: chainId })).toEqual([fresh.id]);
    expect(await ids({ view: "new", region: "深圳" })).toEqual([fresh.id]);
    expect(await ids({ view: "new", minAgeDays: 30 })).toEqual([old.id]);
    expect(await ids({ view: "new", maxAgeDays: 30 })).toEqual([fresh.id]);
    expect(await ids({ view: "stale" })).toEqual([old.id]);
    expect(await ids({ view: "all", chain: chainId })).toEqual([fresh.id, ready.id].sort());
    const item = (await listBrokerQueue(broker, { view: "new", chain: chainId }, now)).find((i) => i.id === fresh.id)!;
    expect(item).toMatchObject({ organisation: `光电企业-${run}`, chain: { id: chainId, nameZh: "光电" }, ageDays: 0, triageStatus: "NEW", broker: null });

    await claimNeed(broker, fresh.id);
    expect(await ids({ view: "mine" })).toEqual([fresh.id]);
    await expect(listBrokerQueue(owner, { view: "new" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("marks the owner organisation unverified until a platform admin verifies it, and says nothing of a hidden one", async () => {
    const open = await need({ chainNodeId: nodeId });
    const hidden = await need({ chainNodeId: nodeId, visibility: "ANONYMOUS" });
    const item = async (id: string) => (await listBrokerQueue(broker, { view: "all", chain: chainId }, now)).find((i) => i.id === id)!;
    expect(await item(open.id)).toMatchObject({ organisation: `光电企业-${run}`, organisationVerified: false });
    expect(await item(hidden.id)).toMatchObject({ organisation: null, organisationVerified: null });
    await verifyOrganisation(OPERATOR, { organisationId: owner.organisationId!, registrationCode: "91330100799655058B" }, "en");
    expect(await item(open.id)).toMatchObject({ organisation: `光电企业-${run}`, organisationVerified: true });
    expect(await item(hidden.id)).toMatchObject({ organisation: null, organisationVerified: null });
  });
});

describe("triage", () => {
  it("asks the owner to clarify, applies an edit only once the owner approves, and marks the need ready", async () => {
    const n = await need({ brokerId: broker.id });
    await requestClarification(broker, n.id, "请说明目标功率和线宽的具体指标。");
    const question = await prisma.notification.findFirstOrThrow({ where: { userId: owner.id, kind: "need.clarify" } });
    const [asked] = await wordNotifications("zh-CN", [question]);
    expect(asked).toMatchObject({ title: `技术经纪人对您的需求「${n.title}」有疑问`, body: "请说明目标功率和线宽的具体指标。" });
    expect((await getTriage(broker, n.id)).triageStatus).toBe("CLARIFICATION_REQUESTED");

    const { id: proposalId } = await proposeNeedEdit(broker, n.id, { title: "激光雷达用高功率窄线宽半导体激光器", keywords: ["激光雷达", "窄线宽"] });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: n.id } })).title).toBe(n.title);
    const view = await getNeedEditProposal(owner, proposalId);
    expect(view.changes).toEqual([
      { field: "title", before: n.title, after: "激光雷达用高功率窄线宽半导体激光器" },
      { field: "keywords", before: "", after: "激光雷达，窄线宽" },
    ]);
    await expect(getNeedEditProposal(otherCompany, proposalId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decideNeedEdit(otherCompany, proposalId, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decideNeedEdit(broker, proposalId, true)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await decideNeedEdit(owner, proposalId, true);
    const edited = await prisma.need.findUniqueOrThrow({ where: { id: n.id } });
    expect(edited).toMatchObject({ title: "激光雷达用高功率窄线宽半导体激光器", keywords: ["激光雷达", "窄线宽"], version: n.version + 1 });
    await expect(decideNeedEdit(owner, proposalId, false)).rejects.toMatchObject({ code: "CONFLICT", key: "broker.proposalDecided" });
    expect(await prisma.notification.count({ where: { userId: broker.id, dedupeKey: `proposal:${proposalId}:decided` } })).toBe(1);

    const { id: rejectedId } = await proposeNeedEdit(broker, n.id, { field: "激光" });
    await decideNeedEdit(owner, rejectedId, false);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: n.id } })).field).toBe("光电");

    await markNeedReady(broker, n.id, now);
    expect(await getTriage(broker, n.id)).toMatchObject({ triageStatus: "READY", broker: { id: broker.id } });
    await expect(markNeedReady(researcher, n.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await prisma.auditLog.findMany({ where: { subject: `need:${n.id}` }, orderBy: { at: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual([
      "need.clarify",
      "need.edit.propose",
      "need.edit.approve",
      "need.edit.propose",
      "need.edit.reject",
      "need.ready",
    ]);
  });
});

describe("candidates", () => {
  it("lists the matcher's results with the researcher behind each, and marks who was introduced", async () => {
    const n = await need({ title: `激光雷达窄线宽激光器 ${run}`, keywords: ["激光雷达", "窄线宽", "半导体激光器"], brokerId: broker.id });
    const r = await prisma.result.create({
      data: {
        title: `窄线宽半导体激光器芯片 ${run}`,
        summary: "用于激光雷达的高功率窄线宽半导体激光器，宽温工作。",
        field: "光电",
        keywords: ["窄线宽", "半导体激光器", "激光雷达"],
        organisationId: researcher.organisationId!,
        createdById: researcher.id,
      },
    });
    await syncNeed(prisma, n.id);
    await syncResult(prisma, r.id);
    const first = await getNeedCandidates(broker, n.id);
    expect(first.ok && first.candidates.find((c) => c.id === r.id)).toMatchObject({ researcher: { id: researcher.id }, dealId: null });
    const { id: dealId } = await introduceResearcher(broker, { needId: n.id, resultId: r.id, respondWithinDays: 7 });
    const second = await getNeedCandidates(broker, n.id);
    expect(second.ok && second.candidates.find((c) => c.id === r.id)?.dealId).toBe(dealId);
    await expect(introduceResearcher(broker, { needId: n.id, resultId: r.id, respondWithinDays: 7 })).rejects.toMatchObject({
      code: "CONFLICT",
      key: "deal.alreadyIntroduced",
    });
    await expect(getNeedCandidates(researcher, n.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("visits", () => {
  it("records a visit and links the needs drafted there (the visit's notes carried in) as the company's drafts", async () => {
    const notes = "产线参观，讨论激光焊接质量问题：气孔与裂纹依靠人工抽检，漏检率高。";
    const { id } = await createVisit(broker, {
      organisationId: owner.organisationId!,
      visitedOn: new Date("2026-11-20T00:00:00Z"),
      peopleMet: "王总、李工",
      notes,
    });
    // The wizard opens with the notes in the description; its first autosave creates the draft.
    const draft = await saveNeedDraft(broker, { visitId: id }, needDraftSchema.parse({ title: "激光焊接缺陷在线检测", description: notes }));
    const visits = await listMyVisits(broker);
    expect(visits.find((v) => v.id === id)).toMatchObject({
      peopleMet: "王总、李工",
      notes,
      organisation: { name: `光电企业-${run}` },
      needs: [{ id: draft.id, title: "激光焊接缺陷在线检测", status: "DRAFT" }],
    });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      organisationId: owner.organisationId,
      status: "DRAFT",
      brokerId: broker.id,
      description: notes,
      visitId: id,
    });
    const err = await createVisit(broker, { organisationId: researcher.organisationId!, visitedOn: new Date(), peopleMet: "x x", notes: "x x" }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(err) && wordFields(err, "zh-CN")).toEqual({ organisationId: ["请选择企业"] });
    await expect(listMyVisits(owner)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Another broker's visit is not theirs to draft on.
    const other = await makeUser("BROKER", "别的转移中心", "TTO");
    await expect(saveNeedDraft(other, { visitId: id }, needDraftSchema.parse({ title: "x" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("clarification requests", () => {
  it("stores the question, lets only the owner answer it once, tells the broker, and puts both in the need's history", async () => {
    const n = await need({ brokerId: broker.id });
    const { id } = await requestClarification(broker, n.id, "请说明目标功率和线宽的具体指标。");
    const notice = await prisma.notification.findFirstOrThrow({ where: { userId: owner.id, kind: "need.clarify", link: { startsWith: `/needs/${n.id}` } } });
    expect(notice.link).toBe(`/needs/${n.id}#clarifications`);
    // Opening it lands on the reply box (the fragment survives the open route's check).
    expect(await openNotification(owner, notice.id)).toBe(`/needs/${n.id}#clarifications`);
    const forOwner = await listClarifications(owner, n.id);
    expect(forOwner).toMatchObject({ canAnswer: true, items: [{ id, question: "请说明目标功率和线宽的具体指标。", answer: null, answeredAt: null }] });
    expect((await listClarifications(broker, n.id)).canAnswer).toBe(false);
    expect((await listClarifications(broker, n.id)).items).toHaveLength(1);
    expect(await listClarifications(otherCompany, n.id)).toEqual({ items: [], canAnswer: false });
    expect(await listClarifications(researcher, n.id)).toEqual({ items: [], canAnswer: false });

    for (const a of [broker, otherCompany, researcher]) {
      await expect(answerClarification(a, { clarificationId: id, answer: "不该写进去" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await answerClarification(owner, { clarificationId: id, answer: "输出功率 10 W，线宽小于 1 MHz。" });
    await expect(answerClarification(owner, { clarificationId: id, answer: "再答一次" })).rejects.toMatchObject({
      code: "CONFLICT",
      key: "broker.clarificationAnswered",
    });
    expect((await listClarifications(broker, n.id)).items[0]).toMatchObject({ answer: "输出功率 10 W，线宽小于 1 MHz。" });
    // No question left open: the need no longer waits for the owner in the broker's queue.
    expect((await getTriage(broker, n.id)).triageStatus).toBe("NEW");

    const told = await prisma.notification.findMany({ where: { userId: broker.id, kind: "need.clarifyAnswered" } });
    const mine = told.filter((x) => x.link === `/broker/needs/${n.id}`);
    expect(mine).toHaveLength(1);
    const [en] = await wordNotifications("en", mine);
    expect(en).toMatchObject({ title: `The owner answered your question about “${n.title}”` });
    const [zh] = await wordNotifications("zh-CN", mine);
    expect(zh!.title).toBe(`企业已答复您对需求「${n.title}」的疑问`);
    // The history names both moves (ids only: the text stays on the page).
    const history = await listNeedAudit(owner, n.id);
    expect(history.map((e) => e.action)).toEqual(expect.arrayContaining(["need.clarify", "need.clarifyAnswer"]));
    expect(JSON.stringify(history)).not.toContain("10 W");
  });
});

describe("metrics", () => {
  it("counts deals, first response, stage conversion and contract value per broker and office", async () => {
    const n = await need({ brokerId: broker.id });
    const r = await prisma.result.create({
      data: { title: "x", summary: "y", field: "光电", organisationId: researcher.organisationId!, createdById: researcher.id },
    });
    const start = new Date(Date.now() - 10 * 3_600_000);
    const { id } = await introduceResearcher(broker, { needId: n.id, resultId: r.id, respondWithinDays: 7 }, start);
    await respondToIntroduction(owner, id, { decision: "accept", version: 1 });
    await respondToIntroduction(researcher, id, { decision: "accept", version: 2 });
    await transitionDeal(broker, id, { to: "NDA_SIGNED", version: 3 });
    await transitionDeal(broker, id, { to: "NEGOTIATING", version: 4 });
    await recordContract(broker, id, {
      mode: "COMMISSIONED_RD",
      valueCny: 800_000,
      contractRegistrationNo: "2026440300099999",
      signedAt: "2026-11-25",
      milestones: [],
      version: 5,
    });

    const m = await getBrokerMetrics(broker);
    const mine = m.brokers.find((b) => b.name === broker.name)!;
    // Two deals by this broker: the one above and the candidates test's (still awaiting answers).
    expect(mine).toMatchObject({ deals: 2, responded: 1, contracts: 1, contractValueCny: 800_000, reached: [2, 1, 1, 1, 1, 0, 0] });
    expect(mine.medianHoursToFirstResponse).toBeGreaterThanOrEqual(9.9);
    expect(mine.conversion[1]).toBe(0.5);
    expect(m.offices.find((o) => o.name === `南山技术转移中心-${run}`)).toMatchObject({ deals: 2, contractValueCny: 800_000 });
    await expect(getBrokerMetrics(researcher)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
