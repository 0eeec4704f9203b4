import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { withDatabase } from "./adapter";
import { createMigration, deployMigrations, migrationStatus } from "./engine";

// Runs against its own throwaway database (not the integration setup's DATABASE_URL), so it also
// works on its own: `npx vitest run scripts/db/engine.int.test.ts`.
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = `tb_engine_test_${process.pid}_${Date.now().toString(36)}`;
const url = withDatabase(ADMIN_URL, DB_NAME);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MIGRATIONS = path.join(ROOT, "prisma/migrations");

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return (await client.query<T>(sql, values).finally(() => client.end())).rows;
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

// One write + read per model. Typed over Prisma.ModelName, and checked against it at runtime, so a
// new model without a case fails here. Cases run in this order; later ones reuse earlier rows.
type Ids = {
  org: string;
  user: string;
  chain: string;
  node: string;
  need: string;
  result: string;
  nda: string;
  request: string;
  intro: string;
  contract: string;
  keyList: string;
  instrument: string;
  booking: string;
  challenge: string;
  application: string;
  panel: string;
};
const ids: Partial<Ids> = {};
const id = (key: keyof Ids): string => ids[key] ?? expect.fail(`${key} fixture missing (case order)`);
type RoundTrip = (db: PrismaClient) => Promise<{ written: object; read: object }>;
const roundTrips: Record<Prisma.ModelName, RoundTrip> = {
  Organisation: async (db) => {
    const written = await db.organisation.create({ data: { name: "Engine Test Org", kind: "COMPANY", region: "Shanghai" } });
    ids.org = written.id;
    return { written, read: await db.organisation.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  User: async (db) => {
    const written = await db.user.create({ data: { email: "engine@test.local", role: "COMPANY", locale: "en", organisationId: id("org") } });
    ids.user = written.id;
    return { written, read: await db.user.findUniqueOrThrow({ where: { email: "engine@test.local" } }) };
  },
  Account: async (db) => {
    const written = await db.account.create({ data: { userId: id("user"), type: "email", provider: "email", providerAccountId: "engine@test.local" } });
    return { written, read: await db.account.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  VerificationToken: async (db) => {
    const written = await db.verificationToken.create({ data: { identifier: "engine@test.local", token: "tok-1", expires: new Date(Date.now() + 60_000) } });
    return { written, read: await db.verificationToken.findUniqueOrThrow({ where: { token: "tok-1" } }) };
  },
  AuthSession: async (db) => {
    const written = await db.authSession.create({ data: { userId: id("user"), expiresAt: new Date(Date.now() + 60_000) } });
    return { written, read: await db.authSession.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ApiToken: async (db) => {
    const written = await db.apiToken.create({ data: { userId: id("user"), name: "ci", tokenHash: "hash-1", prefix: "tb_1" } });
    return { written, read: await db.apiToken.findUniqueOrThrow({ where: { tokenHash: "hash-1" } }) };
  },
  StaffRoleGrant: async (db) => {
    const written = await db.staffRoleGrant.create({
      data: {
        userId: id("user"),
        role: "ANALYST",
        reason: "engine test",
        certificateNo: "C-1",
        certificateIssuer: "测试",
        validUntil: new Date(Date.now() + 60_000),
        previousRole: "COMPANY",
      },
    });
    return { written, read: await db.staffRoleGrant.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Invitation: async (db) => {
    const written = await db.invitation.create({
      data: {
        email: "new@test.local",
        role: "RESEARCHER",
        organisationId: id("org"),
        invitedById: id("user"),
        tokenHash: "inv-1",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    return { written, read: await db.invitation.findUniqueOrThrow({ where: { tokenHash: "inv-1" } }) };
  },
  IndustryChain: async (db) => {
    const written = await db.industryChain.create({ data: { id: "ev", nameZh: "新能源汽车", nameEn: "EV", sort: 1 } });
    ids.chain = written.id;
    return { written, read: await db.industryChain.findUniqueOrThrow({ where: { id: "ev" } }) };
  },
  ChainNode: async (db) => {
    const written = await db.chainNode.create({ data: { id: "ev-battery", chainId: id("chain"), stage: "UPSTREAM", nameZh: "动力电池", nameEn: "Battery" } });
    ids.node = written.id;
    return { written, read: await db.chainNode.findUniqueOrThrow({ where: { id: "ev-battery" } }) };
  },
  Need: async (db) => {
    const written = await db.need.create({
      data: {
        title: "固态电池电解质",
        description: "Need a solid electrolyte partner",
        field: "materials",
        keywords: ["电池", "electrolyte"],
        collaborationModes: ["LICENCE", "CO_DEVELOPMENT"],
        visibility: "ANONYMOUS",
        budgetMinCny: 100_000,
        chainNodeId: id("node"),
        organisationId: id("org"),
        createdById: id("user"),
      },
    });
    ids.need = written.id;
    return { written, read: await db.need.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Result: async (db) => {
    const written = await db.result.create({
      data: {
        title: "Sulfide electrolyte",
        summary: "Lab-scale process",
        field: "materials",
        keywords: ["sulfide"],
        transferModes: ["ASSIGNMENT"],
        trl: 4,
        externalId: "ext-1",
        chainNodeId: id("node"),
        organisationId: id("org"),
        createdById: id("user"),
      },
    });
    ids.result = written.id;
    const read = await db.result.findUniqueOrThrow({ where: { organisationId_externalId: { organisationId: id("org"), externalId: "ext-1" } } });
    return { written, read };
  },
  ExpertiseProfile: async (db) => {
    const written = await db.expertiseProfile.create({
      data: { userId: id("user"), fields: ["电化学"], methods: ["XRD"], equipment: ["手套箱"], pastProjects: "固态电池中试" },
    });
    return { written, read: await db.expertiseProfile.findUniqueOrThrow({ where: { userId: id("user") } }) };
  },
  BrokerPortfolio: async (db) => {
    const written = await db.brokerPortfolio.create({ data: { userId: id("user"), regions: ["深圳"], chainIds: ["new-energy"] } });
    return { written, read: await db.brokerPortfolio.findUniqueOrThrow({ where: { userId: id("user") } }) };
  },
  Attachment: async (db) => {
    const written = await db.attachment.create({
      data: {
        needId: id("need"),
        fileName: "spec.pdf",
        contentType: "application/pdf",
        sizeBytes: 5,
        sha256: "00",
        data: Buffer.from("%PDF-"),
        uploadedById: id("user"),
      },
    });
    return { written, read: await db.attachment.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  NeedMatchSnapshot: async (db) => {
    const written = await db.needMatchSnapshot.create({
      data: {
        needId: id("need"),
        needVersion: 1,
        computedAt: new Date(),
        matches: [{ id: "r1", score: 1, explanation: { matchedTerms: [] } }],
        researchers: [],
      },
    });
    return { written, read: await db.needMatchSnapshot.findUniqueOrThrow({ where: { needId: id("need") } }) };
  },
  Nda: async (db) => {
    const written = await db.nda.create({ data: { needId: id("need"), version: 1, text: "保密协议", textSha256: "abc" } });
    ids.nda = written.id;
    return { written, read: await db.nda.findUniqueOrThrow({ where: { needId_version: { needId: id("need"), version: 1 } } }) };
  },
  NdaAcceptance: async (db) => {
    const written = await db.ndaAcceptance.create({ data: { ndaId: id("nda"), userId: id("user"), textSha256: "abc", ip: "127.0.0.1" } });
    return { written, read: await db.ndaAcceptance.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  AccessRequest: async (db) => {
    const written = await db.accessRequest.create({ data: { needId: id("need"), requesterId: id("user"), ndaId: id("nda") } });
    ids.request = written.id;
    return { written, read: await db.accessRequest.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Notification: async (db) => {
    const written = await db.notification.create({
      data: { userId: id("user"), kind: "match", title: "新匹配", body: "一项成果匹配您的需求", dedupeKey: "match:1" },
    });
    return { written, read: await db.notification.findUniqueOrThrow({ where: { userId_dedupeKey: { userId: id("user"), dedupeKey: "match:1" } } }) };
  },
  SavedSearch: async (db) => {
    const written = await db.savedSearch.create({ data: { userId: id("user"), name: "电池", q: "固态电解质", type: "results", filters: { trlMin: 4 } } });
    return { written, read: await db.savedSearch.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  MatchFeedback: async (db) => {
    const written = await db.matchFeedback.create({
      data: { needId: id("need"), resultId: id("result"), userId: id("user"), useful: false, reason: "TRL_TOO_EARLY" },
    });
    return { written, read: await db.matchFeedback.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Introduction: async (db) => {
    const written = await db.introduction.create({ data: { needId: id("need"), resultId: id("result"), researcherId: id("user"), state: "INTRODUCED" } });
    ids.intro = written.id;
    return { written, read: await db.introduction.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ContactRequest: async (db) => {
    const written = await db.contactRequest.create({
      data: { kind: "NEED_OFFER", needId: id("need"), senderId: id("user"), ownerOrganisationId: id("org"), message: "我们有相关方案", respondBy: new Date() },
    });
    return { written, read: await db.contactRequest.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Message: async (db) => {
    const written = await db.message.create({ data: { introductionId: id("intro"), senderId: id("user"), body: "您好" } });
    return { written, read: await db.message.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  DealEvent: async (db) => {
    const written = await db.dealEvent.create({ data: { introductionId: id("intro"), fromState: "SUGGESTED", toState: "INTRODUCED", actorId: id("user") } });
    return { written, read: await db.dealEvent.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Contract: async (db) => {
    const written = await db.contract.create({
      data: {
        introductionId: id("intro"),
        mode: "LICENCE",
        valueCny: 500_000,
        contractRegistrationNo: "2026440300000123",
        signedAt: new Date(),
        milestones: [{ title: "样机", amountCny: 100_000 }],
      },
    });
    ids.contract = written.id;
    return { written, read: await db.contract.findUniqueOrThrow({ where: { introductionId: id("intro") } }) };
  },
  OutcomeFollowUp: async (db) => {
    const written = await db.outcomeFollowUp.create({ data: { contractId: id("contract"), monthsAfter: 6, dueAt: new Date() } });
    return { written, read: await db.outcomeFollowUp.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Visit: async (db) => {
    const written = await db.visit.create({
      data: { brokerId: id("user"), organisationId: id("org"), visitedOn: new Date(), peopleMet: "王总", notes: "需求：低温快充" },
    });
    return { written, read: await db.visit.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Challenge: async (db) => {
    const written = await db.challenge.create({
      data: {
        organisationId: id("org"),
        createdById: id("user"),
        title: "低温快充电解液揭榜",
        teaser: "零下二十度快充",
        problem: "零下二十度下 15 分钟充至 80%",
        field: "新能源",
        indicators: [{ key: "k1", name: "充电时间", target: "≤15 min", verification: "第三方检测" }],
        bountyTotalCny: 3_000_000,
        milestoneSplit: [{ title: "样品", percent: 100 }],
        applicationDeadline: new Date(),
        durationMonths: 12,
        criteria: [{ key: "k1", name: "技术", weight: 100 }],
      },
    });
    ids.challenge = written.id;
    return { written, read: await db.challenge.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeNdaAcceptance: async (db) => {
    const written = await db.challengeNdaAcceptance.create({ data: { challengeId: id("challenge"), userId: id("user"), textSha256: "ab" } });
    return { written, read: await db.challengeNdaAcceptance.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeApplication: async (db) => {
    const written = await db.challengeApplication.create({
      data: { challengeId: id("challenge"), applicantId: id("user"), approach: "固态电解质", budgetCny: 1_000_000, planMilestones: [] },
    });
    ids.application = written.id;
    return { written, read: await db.challengeApplication.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeTeamMember: async (db) => {
    const written = await db.challengeTeamMember.create({ data: { applicationId: id("application"), userId: id("user"), role: "PI" } });
    return { written, read: await db.challengeTeamMember.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengePanelMember: async (db) => {
    const written = await db.challengePanelMember.create({ data: { challengeId: id("challenge"), userId: id("user"), addedById: id("user") } });
    ids.panel = written.id;
    return { written, read: await db.challengePanelMember.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeConflict: async (db) => {
    const written = await db.challengeConflict.create({ data: { panelMemberId: id("panel"), applicationId: id("application"), note: "同事" } });
    return { written, read: await db.challengeConflict.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeScore: async (db) => {
    const written = await db.challengeScore.create({ data: { panelMemberId: id("panel"), applicationId: id("application"), criterionKey: "k1", score: 8 } });
    return { written, read: await db.challengeScore.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeMilestone: async (db) => {
    const written = await db.challengeMilestone.create({
      data: { applicationId: id("application"), seq: 1, title: "样品", deliverables: "10 只电芯", dueAt: new Date(), amountCny: 1_000_000 },
    });
    return { written, read: await db.challengeMilestone.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeOutcome: async (db) => {
    const written = await db.challengeOutcome.create({
      data: { challengeId: id("challenge"), monthsAfter: 0, recordedById: id("user"), revenueCny: 5_000_000 },
    });
    return { written, read: await db.challengeOutcome.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeQuestion: async (db) => {
    const written = await db.challengeQuestion.create({
      data: {
        applicationId: id("application"),
        askedById: id("user"),
        question: "中试线在哪里？",
        answer: "东莞",
        answeredById: id("user"),
        answeredAt: new Date(),
      },
    });
    return { written, read: await db.challengeQuestion.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  ChallengeMatchSnapshot: async (db) => {
    const written = await db.challengeMatchSnapshot.create({
      data: { challengeId: id("challenge"), challengeVersion: 1, computedAt: new Date(), matches: [{ id: "r1", score: 0.5 }], researchers: [] },
    });
    return { written, read: await db.challengeMatchSnapshot.findUniqueOrThrow({ where: { challengeId: written.challengeId } }) };
  },
  ChallengeEvent: async (db) => {
    const written = await db.challengeEvent.create({
      data: { challengeId: id("challenge"), machine: "challenge", subjectId: id("challenge"), toState: "OPEN", actorId: id("user") },
    });
    return { written, read: await db.challengeEvent.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  WorkerHeartbeat: async (db) => {
    const written = await db.workerHeartbeat.create({ data: { id: "engine-test:1:abcd", host: "engine-test", pid: 1, slotsConfigured: 4, slotsRunning: 3 } });
    return { written, read: await db.workerHeartbeat.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  NeedEditProposal: async (db) => {
    const written = await db.needEditProposal.create({
      data: { needId: id("need"), proposedById: id("user"), changes: { title: "更清楚的标题" }, note: "请确认" },
    });
    return { written, read: await db.needEditProposal.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  NeedClarification: async (db) => {
    const written = await db.needClarification.create({
      data: { needId: id("need"), askedById: id("user"), question: "目标功率是多少？", answer: "10 瓦", answeredById: id("user"), answeredAt: new Date() },
    });
    return { written, read: await db.needClarification.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  MonitorNeedFact: async (db) => {
    const written = await db.monitorNeedFact.create({
      data: {
        needId: id("need"),
        chainNodeId: id("node"),
        chainId: id("chain"),
        region: "上海",
        orgKind: "COMPANY",
        visibility: "CONFIDENTIAL",
        postedAt: new Date(),
        contractValueCny: 12_000_000n,
      },
    });
    return { written, read: await db.monitorNeedFact.findUniqueOrThrow({ where: { needId: written.needId } }) };
  },
  MonitorMonthFact: async (db) => {
    const written = await db.monitorMonthFact.create({
      data: {
        month: new Date("2026-01-01T00:00:00Z"),
        chainNodeId: id("node"),
        region: "",
        orgKind: "UNIVERSITY",
        posted: 3,
        matchDaysSum: 4.5,
        matchDaysN: 2,
        contractValueCny: 5n,
      },
    });
    const where = { month_chainNodeId_region_orgKind: { month: written.month, chainNodeId: written.chainNodeId, region: "", orgKind: "UNIVERSITY" as const } };
    return { written, read: await db.monitorMonthFact.findUniqueOrThrow({ where }) };
  },
  MonitorSupplyFact: async (db) => {
    const written = await db.monitorSupplyFact.create({
      data: { chainNodeId: id("node"), kind: "instrument", subjectId: "supply-subject", joinedAt: new Date("2026-01-02T03:04:05.006Z"), orgKind: "UNIVERSITY" },
    });
    return {
      written,
      read: await db.monitorSupplyFact.findUniqueOrThrow({
        where: { chainNodeId_kind_subjectId: { chainNodeId: id("node"), kind: "instrument", subjectId: "supply-subject" } },
      }),
    };
  },
  MonitorNodeHistogram: async (db) => {
    const written = await db.monitorNodeHistogram.create({ data: { chainNodeId: id("node"), dimension: "needTrl", bucket: "4", count: 7 } });
    return {
      written,
      read: await db.monitorNodeHistogram.findUniqueOrThrow({
        where: { chainNodeId_dimension_bucket: { chainNodeId: id("node"), dimension: "needTrl", bucket: "4" } },
      }),
    };
  },
  MonitorRefreshState: async (db) => {
    const written = await db.monitorRefreshState.create({ data: { key: "engine-test", watermark: new Date(), lastRunAt: new Date(), lastRunMs: 12 } });
    return { written, read: await db.monitorRefreshState.findUniqueOrThrow({ where: { key: "engine-test" } }) };
  },
  PublishedMetric: async (db) => {
    const written = await db.publishedMetric.create({
      data: { chainId: "*", quarter: "2026-Q1", needsPosted: 12, matchedWithin7dPct: 41.7, contractValueCny: null, computedAt: new Date() },
    });
    return { written, read: await db.publishedMetric.findUniqueOrThrow({ where: { chainId_quarter: { chainId: "*", quarter: "2026-Q1" } } }) };
  },
  KeyProjectList: async (db) => {
    const written = await db.keyProjectList.create({ data: { ownerId: id("user"), title: "重点项目清单 2026", note: "电池" } });
    ids.keyList = written.id;
    return { written, read: await db.keyProjectList.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  KeyProjectItem: async (db) => {
    const written = await db.keyProjectItem.create({
      data: { listId: id("keyList"), chainNodeId: id("node"), needIds: [id("need")], annotation: "卡脖子", scoreAtAdd: 61.5 },
    });
    return { written, read: await db.keyProjectItem.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  Instrument: async (db) => {
    const written = await db.instrument.create({
      data: { organisationId: id("org"), managerId: id("user"), name: "X射线衍射仪", categoryCode: "0103", services: ["OPERATOR"], openDays: [1, 2, 3] },
    });
    ids.instrument = written.id;
    return { written, read: await db.instrument.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  InstrumentClosure: async (db) => {
    const written = await db.instrumentClosure.create({
      data: { instrumentId: id("instrument"), startsAt: new Date("2026-12-07T01:00:00Z"), endsAt: new Date("2026-12-07T05:00:00Z"), reason: "维护" },
    });
    return { written, read: await db.instrumentClosure.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  InstrumentBooking: async (db) => {
    const written = await db.instrumentBooking.create({
      data: {
        instrumentId: id("instrument"),
        bookerId: id("user"),
        purpose: "物相分析",
        startsAt: new Date("2026-12-08T01:00:00Z"),
        endsAt: new Date("2026-12-08T03:00:00Z"),
        tier: "EXTERNAL",
        hoursUsed: new Prisma.Decimal("1.5"),
      },
    });
    ids.booking = written.id;
    return { written, read: await db.instrumentBooking.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  InstrumentBookingEvent: async (db) => {
    const written = await db.instrumentBookingEvent.create({
      data: { bookingId: id("booking"), fromStatus: "REQUESTED", toStatus: "APPROVED", actorId: id("user") },
    });
    return { written, read: await db.instrumentBookingEvent.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  InstrumentPhoto: async (db) => {
    const written = await db.instrumentPhoto.create({
      data: {
        instrumentId: id("instrument"),
        fileName: "xrd.webp",
        contentType: "image/webp",
        width: 4,
        height: 3,
        sizeBytes: 3,
        sha256: "0".repeat(64),
        data: new Uint8Array([1, 2, 3]),
        thumb: new Uint8Array([4]),
        uploadedById: id("user"),
      },
    });
    return { written, read: await db.instrumentPhoto.findUniqueOrThrow({ where: { id: written.id } }) };
  },
  InstitutionPartner: async (db) => {
    const partner = await db.organisation.create({ data: { name: "Engine Partner Org", kind: "COMPANY" } });
    const written = await db.institutionPartner.create({ data: { organisationId: id("org"), partnerOrganisationId: partner.id, addedById: id("user") } });
    const key = { organisationId: written.organisationId, partnerOrganisationId: written.partnerOrganisationId };
    return { written, read: await db.institutionPartner.findUniqueOrThrow({ where: { organisationId_partnerOrganisationId: key } }) };
  },
  AuditLog: async (db) => {
    const written = await db.auditLog.create({ data: { action: "test.write", subject: "Need:1", detail: { nested: { ok: true }, list: [1, "二"] } } });
    return { written, read: await db.auditLog.findUniqueOrThrow({ where: { id: written.id } }) };
  },
};

describe("WASM schema engine migrations", { timeout: 60_000 }, () => {
  beforeAll(() => admin(`CREATE DATABASE "${DB_NAME}"`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`));

  it("reports every migration as pending on an empty database", async () => {
    const status = await migrationStatus(url);
    expect(status).toMatchObject({ clean: false, hasMigrationsTable: false, pending: await migrationNames(MIGRATIONS) });
    expect(status.drift).toContain("Added tables");
  });

  it("applies every migration, then reports a clean status", async () => {
    const started = performance.now();
    const { applied } = await deployMigrations(url);
    console.log(`deployMigrations on an empty database: ${Math.round(performance.now() - started)} ms`);
    expect(applied).toEqual(await migrationNames(MIGRATIONS));
    expect((await deployMigrations(url)).applied).toEqual([]);

    const t = performance.now();
    const status = await migrationStatus(url);
    console.log(`migrationStatus: ${Math.round(performance.now() - t)} ms`);
    expect(status).toEqual({ clean: true, hasMigrationsTable: true, pending: [], missingLocally: [], failed: [], edited: [], drift: null });
  });

  it("installs graphile-worker's schema", async () => {
    const [job] = await query<{ id: string }>(`SELECT id FROM graphile_worker.add_job('engine-test', '{"ok":true}'::json, max_attempts => 1)`);
    const rows = await query("SELECT task_identifier, max_attempts FROM graphile_worker.jobs WHERE id = $1", [job?.id]);
    expect(rows).toEqual([{ task_identifier: "engine-test", max_attempts: 1 }]);
  });

  it("writes and reads one row of every model with the generated client", async () => {
    expect(Object.keys(roundTrips).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      for (const [model, roundTrip] of Object.entries(roundTrips)) {
        const { written, read } = await roundTrip(db);
        expect(read, model).toEqual(written);
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("creates a migration from a schema change, applies $$ bodies, and writes nothing without changes", async () => {
    // Work on copies so the repository's schema and migrations stay untouched.
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "tb-engine-"));
    try {
      const migrationsDir = path.join(tmp, "migrations");
      await fs.cp(MIGRATIONS, migrationsDir, { recursive: true });
      // Hand-written migration with ";" inside a $$ body and a string literal: adapter-pg's
      // executeScript would split it into broken statements.
      const last = (await migrationNames(migrationsDir)).at(-1) ?? "";
      const fnDir = path.join(migrationsDir, `${last.slice(0, 14)}_zz_dollar_quoting`);
      await fs.mkdir(fnDir);
      await fs.writeFile(
        path.join(fnDir, "migration.sql"),
        `CREATE FUNCTION engine_probe() RETURNS text LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 'a;b';\nEND;\n$$;\nCOMMENT ON FUNCTION engine_probe() IS 'x; y';\n`,
      );
      expect((await deployMigrations(url, { migrationsDir })).applied).toEqual([path.basename(fnDir)]);
      expect(await query("SELECT engine_probe() AS v")).toEqual([{ v: "a;b" }]);

      const schemaPath = path.join(tmp, "schema.prisma");
      const schema = await fs.readFile(path.join(ROOT, "prisma/schema.prisma"), "utf8");
      await fs.writeFile(schemaPath, `${schema}\nmodel EngineProbe {\n  id   Int    @id\n  note String\n}\n`);
      const options = { migrationsDir, schemaPath };
      expect((await migrationStatus(url, options)).drift).toContain("EngineProbe");

      const { created, applied } = await createMigration(url, "probe", options);
      expect(created).toMatch(/^\d{14}_probe$/);
      expect(applied).toEqual([created]);
      expect(await fs.readFile(path.join(migrationsDir, `${created}/migration.sql`), "utf8")).toContain('CREATE TABLE "EngineProbe"');
      expect(await fs.readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
      expect((await migrationStatus(url, options)).clean).toBe(true);

      const before = await migrationNames(migrationsDir);
      expect(await createMigration(url, "nothing", options)).toEqual({ created: null, applied: [] });
      expect(await migrationNames(migrationsDir)).toEqual(before);
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });
});
