// Issue 16: the monitor's aggregates, the bottleneck score and the public metrics against
// hand-computed fixtures, on the real database (this file's own copy: the refresh reads every need).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Visibility } from "@/lib/generated/prisma/enums";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { getChainMap, getNodePortrait } from "./get-monitor";
import { publishMetrics, getPublishedMetrics } from "./published-metrics";
import { refreshMonitorAggregates } from "./refresh-aggregates";
import { monitorFiltersSchema } from "./schemas";
import { ALL_CHAINS, METRIC_KEYS } from "./suppress";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
let company: ApiUser;
let researcher: ApiUser;
let analyst: ApiUser;
const needIds: Record<string, string> = {};
let expertId = "";

async function need(key: string, data: { node: string; publishedAt: Date | null; status: string; visibility?: Visibility; trl?: number; updatedAt?: Date }) {
  const n = await prisma.need.create({
    data: {
      title: `监测夹具 ${key}`,
      description: "夹具",
      field: "材料",
      visibility: data.visibility ?? "PUBLIC",
      status: data.status as never,
      trlTarget: data.trl ?? null,
      chainNodeId: data.node,
      organisationId: company.organisationId,
      createdById: company.actor.id,
      publishedAt: data.publishedAt,
      createdAt: data.publishedAt ?? d("2026-01-01"),
    },
  });
  if (data.updatedAt) await prisma.$executeRaw`UPDATE "Need" SET "updatedAt" = ${data.updatedAt} WHERE id = ${n.id}`;
  needIds[key] = n.id;
  return n.id;
}

async function intro(needId: string, createdAt: Date, state: string, eventAt: Date | null, contract?: { signedAt: Date; valueCny: number }) {
  const i = await prisma.introduction.create({ data: { needId, researcherId: researcher.actor.id, state: state as never, createdAt } });
  if (eventAt)
    await prisma.dealEvent.create({ data: { introductionId: i.id, fromState: "SUGGESTED", toState: "INTRODUCED", actorId: researcher.actor.id, at: eventAt } });
  if (contract) await prisma.contract.create({ data: { introductionId: i.id, mode: "LICENCE", valueCny: contract.valueCny, signedAt: contract.signedAt } });
  return i.id;
}

const snapshot = (needId: string, computedAt: Date, score: number) =>
  prisma.needMatchSnapshot.create({ data: { needId, needVersion: 1, computedAt, matches: [{ id: "r", kind: "result", score }], researchers: [] } });

const cubeRows = () => prisma.monitorMonthFact.findMany({ orderBy: [{ month: "asc" }, { chainNodeId: "asc" }, { region: "asc" }, { orgKind: "asc" }] });

beforeAll(async () => {
  company = await createApiUser("COMPANY");
  researcher = await createApiUser("RESEARCHER");
  analyst = await createApiUser("ANALYST");
  await prisma.organisation.update({ where: { id: company.organisationId }, data: { region: "江苏" } });
  await prisma.organisation.update({ where: { id: researcher.organisationId }, data: { region: "上海" } });
  await prisma.industryChain.createMany({
    data: [
      { id: "mon-a", nameZh: "监测链A", nameEn: "Monitor chain A" },
      { id: "mon-b", nameZh: "监测链B", nameEn: "Monitor chain B" },
    ],
  });
  await prisma.chainNode.createMany({
    data: [
      { id: "mon-up", chainId: "mon-a", stage: "UPSTREAM", nameZh: "上游材料", nameEn: "Materials" },
      { id: "mon-mid", chainId: "mon-a", stage: "MIDSTREAM", nameZh: "中游制造", nameEn: "Manufacturing" },
      { id: "mon-b1", chainId: "mon-b", stage: "DOWNSTREAM", nameZh: "下游应用", nameEn: "Applications" },
    ],
  });

  // N1: posted Jan 10, matched Jan 12 (snapshot above the threshold), contacted Jan 20, contract Feb 5 (300,000).
  const n1 = await need("N1", { node: "mon-up", publishedAt: d("2026-01-10"), status: "IN_PROGRESS", trl: 6 });
  await snapshot(n1, d("2026-01-12"), 0.5);
  await intro(n1, d("2026-01-15"), "CONTRACT_SIGNED", d("2026-01-20"), { signedAt: d("2026-02-05"), valueCny: 300_000 });
  // N2: confidential, posted Jan 20, best match below the threshold, expired Mar 15 without a solution.
  const n2 = await need("N2", {
    node: "mon-up",
    publishedAt: d("2026-01-20"),
    status: "EXPIRED",
    visibility: "CONFIDENTIAL",
    trl: 7,
    updatedAt: d("2026-03-15"),
  });
  await snapshot(n2, d("2026-01-21"), 0.1);
  // N3: BROKER_ONLY, posted Feb 3, nothing yet.
  await need("N3", { node: "mon-up", publishedAt: d("2026-02-03"), status: "PUBLISHED", visibility: "BROKER_ONLY" });
  // Never counted: a submitted need (not published) and a draft.
  await need("N4", { node: "mon-mid", publishedAt: null, status: "SUBMITTED" });
  await need("N5", { node: "mon-mid", publishedAt: null, status: "DRAFT" });
  // Supply: one published result (TRL 5) in January, one draft.
  const result = (status: "PUBLISHED" | "DRAFT", createdAt: Date) =>
    prisma.result.create({
      data: {
        title: `监测成果 ${status}`,
        summary: "s",
        field: "材料",
        status,
        trl: 5,
        chainNodeId: "mon-up",
        organisationId: researcher.organisationId,
        createdById: researcher.actor.id,
        createdAt,
      },
    });
  await result("PUBLISHED", d("2026-01-05"));
  await result("DRAFT", d("2026-01-06"));
  // Supply besides results: the result's author (a researcher, joined Jan 5); an ACTIVE instrument of
  // the author's institution listed Feb 10 (a RETIRED one is not supply); a researcher whose
  // expertise names the node ("上游材料表征" contains "上游材料"), profile of Mar 1; and one whose only
  // field "材料" is too short to name a node.
  const instrument = (status: "ACTIVE" | "RETIRED", name: string) =>
    prisma.instrument.create({
      data: { organisationId: researcher.organisationId, managerId: researcher.actor.id, name, categoryCode: "0101", status, createdAt: d("2026-02-10") },
    });
  await instrument("ACTIVE", "监测扫描电镜");
  await instrument("RETIRED", "监测旧电镜");
  const expert = await createApiUser("RESEARCHER");
  const vague = await createApiUser("RESEARCHER");
  await prisma.organisation.updateMany({ where: { id: { in: [expert.organisationId, vague.organisationId] } }, data: { region: "上海" } });
  await prisma.expertiseProfile.create({ data: { userId: expert.actor.id, fields: ["上游材料表征"], methods: [] } });
  await prisma.expertiseProfile.create({ data: { userId: vague.actor.id, fields: ["材料"], methods: [] } });
  await prisma.$executeRaw`UPDATE "ExpertiseProfile" SET "updatedAt" = ${d("2026-03-01")}`;
  expertId = expert.actor.id;
  // The fixtures were written "an hour ago", so the incremental test below sees only its own change
  // (the refresh re-reads the last minute before its watermark on purpose).
  for (const table of ["Need", "Result", "Introduction"]) {
    await prisma.$executeRawUnsafe(`UPDATE "${table}" SET "updatedAt" = "updatedAt" - interval '1 hour' WHERE "updatedAt" > now() - interval '1 day'`);
  }
}, 120_000);

describe("monitor aggregates (hand-computed fixtures)", () => {
  it("a full refresh builds the need facts and the monthly cube", async () => {
    const report = await refreshMonitorAggregates(prisma, { full: true });
    expect(report.full).toBe(true);
    const facts = await prisma.monitorNeedFact.findMany({ orderBy: { postedAt: "asc" } });
    expect(facts.map((f) => f.needId)).toEqual([needIds.N1, needIds.N2, needIds.N3]);
    expect(facts[0]).toMatchObject({
      region: "江苏",
      orgKind: "COMPANY",
      chainId: "mon-a",
      firstMatchAt: d("2026-01-12"),
      firstContactAt: d("2026-01-20"),
      contractAt: d("2026-02-05"),
      contractValueCny: 300_000n,
      endedAt: d("2026-02-05"),
      solved: true,
      leftUnmetAt: d("2026-01-12"),
      activeDeal: true,
    });
    expect(facts[1]).toMatchObject({ firstMatchAt: null, firstContactAt: null, endedAt: d("2026-03-15"), solved: false, leftUnmetAt: d("2026-03-15") });
    expect(facts[2]).toMatchObject({ firstMatchAt: null, endedAt: null, leftUnmetAt: null, activeDeal: false });

    const rows = (await cubeRows()).map((r) => ({ ...r, month: r.month.toISOString().slice(0, 7) }));
    const zero = { posted: 0, matched: 0, contacted: 0, contracted: 0, solved: 0, expiredUnsolved: 0, leftUnmet: 0, resultsPublished: 0, contractValueCny: 0n };
    const zeroAvg = {
      matchDaysSum: 0,
      matchDaysN: 0,
      contactDaysSum: 0,
      contactDaysN: 0,
      needTrlSum: 0,
      needTrlN: 0,
      resultTrlSum: 0,
      resultTrlN: 0,
      researchersJoined: 0,
      instrumentsJoined: 0,
    };
    expect(rows).toEqual([
      {
        month: "2026-01",
        chainNodeId: "mon-up",
        region: "上海",
        orgKind: "UNIVERSITY",
        ...zero,
        ...zeroAvg,
        resultsPublished: 1,
        resultTrlSum: 5,
        resultTrlN: 1,
        researchersJoined: 1,
      },
      {
        month: "2026-01",
        chainNodeId: "mon-up",
        region: "江苏",
        orgKind: "COMPANY",
        ...zero,
        ...zeroAvg,
        posted: 2,
        matched: 1,
        contacted: 1,
        leftUnmet: 1,
        matchDaysSum: 2,
        matchDaysN: 1,
        contactDaysSum: 10,
        contactDaysN: 1,
        needTrlSum: 13,
        needTrlN: 2,
      },
      { month: "2026-02", chainNodeId: "mon-up", region: "上海", orgKind: "UNIVERSITY", ...zero, ...zeroAvg, instrumentsJoined: 1 },
      {
        month: "2026-02",
        chainNodeId: "mon-up",
        region: "江苏",
        orgKind: "COMPANY",
        ...zero,
        ...zeroAvg,
        posted: 1,
        contracted: 1,
        solved: 1,
        contractValueCny: 300_000n,
      },
      { month: "2026-03", chainNodeId: "mon-up", region: "上海", orgKind: "UNIVERSITY", ...zero, ...zeroAvg, researchersJoined: 1 },
      { month: "2026-03", chainNodeId: "mon-up", region: "江苏", orgKind: "COMPANY", ...zero, ...zeroAvg, expiredUnsolved: 1, leftUnmet: 1 },
    ]);
    const supply = await prisma.monitorSupplyFact.findMany({ orderBy: [{ joinedAt: "asc" }] });
    expect(supply.map((x) => [x.chainNodeId, x.kind, x.subjectId, x.joinedAt.toISOString().slice(0, 10)])).toEqual([
      ["mon-up", "researcher", researcher.actor.id, "2026-01-05"],
      ["mon-up", "instrument", expect.any(String), "2026-02-10"],
      ["mon-up", "researcher", expertId, "2026-03-01"],
    ]);
    const hist = await prisma.monitorNodeHistogram.findMany({ where: { chainNodeId: "mon-up" }, orderBy: [{ dimension: "asc" }, { bucket: "asc" }] });
    expect(hist.map((h) => `${h.dimension}:${h.bucket}=${h.count}`)).toEqual(["needTrl:6=1", "needTrl:7=1", "resultTrl:5=1"]);
  });

  it("an incremental refresh recomputes only what changed, and gives the same cube as a full rebuild", async () => {
    // N3 gets an introduction on Apr 1, taken to INTRODUCED on Apr 2.
    await intro(needIds.N3!, d("2026-04-01"), "INTRODUCED", d("2026-04-02"));
    const report = await refreshMonitorAggregates(prisma);
    expect(report.full).toBe(false);
    expect(report.changedNeeds).toBe(1);
    const april = await prisma.monitorMonthFact.findMany({ where: { month: d("2026-04-01") } });
    expect(april).toMatchObject([{ chainNodeId: "mon-up", region: "江苏", matched: 1, contacted: 1, leftUnmet: 1, matchDaysSum: 57, contactDaysSum: 58 }]);
    const incremental = await cubeRows();
    await refreshMonitorAggregates(prisma, { full: true });
    expect(await cubeRows()).toEqual(incremental);
    // Nothing changed since (the change above is older than the overlap): nothing recomputed.
    await prisma.$executeRawUnsafe(`UPDATE "Introduction" SET "updatedAt" = "updatedAt" - interval '1 hour'`);
    expect((await refreshMonitorAggregates(prisma)).changedNeeds).toBe(0);
  });

  it("bottleneck score of the node, whole platform and filtered by region (hand-computed)", async () => {
    await prisma.introduction.deleteMany({ where: { needId: needIds.N3 } });
    await refreshMonitorAggregates(prisma, { full: true });
    // At March 2026: open 1, unmet 1, growth 1, days to match (2 + 90 for the unmet one) / 2 = 46,
    // days to contact 10, half of the ended needs unsolved, supply 1 result + 2 researchers + 1
    // instrument = 4 (TRL gap 6.5 - 5 = 1.5):
    // .15/21 + .1 + .2/11 + .1*46/76 + .1*10/55 + .075 + .12*1/5 + .08*1.5/4 = .3330 -> 33.3.
    const f = monitorFiltersSchema.parse({ chain: "mon-a", period: "6" });
    const map = await getChainMap(analyst.actor, f, d("2026-03-31"));
    const up = map.chains[0]!.nodes.find((n) => n.id === "mon-up")!;
    expect(map.chains[0]!.nodes.map((n) => n.id)).toEqual(["mon-up", "mon-mid"]);
    expect(up).toMatchObject({ score: 33.3, openDemand: 1, unmetDemand: 1, supply: 4, postedInPeriod: 3 });
    // In 江苏 only, the supply (all in 上海) is not counted: shortage 1, no TRL gap known -> .3990 -> 39.9.
    const js = await getChainMap(analyst.actor, { ...f, region: "江苏" }, d("2026-03-31"));
    expect(js.chains[0]!.nodes.find((n) => n.id === "mon-up")!.score).toBe(39.9);
  });

  it("the node portrait counts every need but lists only those the viewer may see", async () => {
    const p = await getNodePortrait(analyst.actor, "mon-up", monitorFiltersSchema.parse({ period: "6" }), d("2026-03-31"));
    // the history starts in January 2026 (the first month with data)
    expect(p.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(p.series.posted).toEqual([2, 1, 0]);
    expect(p.trl).toEqual({ needs: [0, 0, 0, 0, 0, 1, 1, 0, 0], results: [0, 0, 0, 0, 1, 0, 0, 0, 0] });
    // The TRL gap follows the filters like the series: in 江苏 (where the needs were posted) the
    // needs' side stays and the results (all from 上海) go; in 北京 nothing; and nothing was posted
    // in the six months to the end of 2027.
    const nine = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    const portraitIn = (region: string) => getNodePortrait(analyst.actor, "mon-up", monitorFiltersSchema.parse({ period: "6", region }), d("2026-03-31"));
    const inJiangsu = await portraitIn("江苏");
    expect(inJiangsu.trl).toEqual({ needs: p.trl.needs, results: nine });
    expect(inJiangsu.modes).toEqual(p.modes);
    const inBeijing = await portraitIn("北京");
    expect(inBeijing.trl).toEqual({ needs: nine, results: nine });
    expect(inBeijing.modes).toEqual([]);
    const later = await getNodePortrait(analyst.actor, "mon-up", monitorFiltersSchema.parse({ period: "6" }), d("2027-12-31"));
    expect(later.trl.needs).toEqual(nine);
    // N1 is in progress and visible; N3 is open but BROKER_ONLY: counted, not listed.
    expect(p.topNeeds.map((n) => n.id)).toEqual([needIds.N1]);
    expect(p.hiddenOpenNeeds).toBe(1);
    expect(p.current.components).toMatchObject({ supply: 4, results: 1, researchers: 2, instruments: 1 });
    expect(p.supply.results.map((r) => r.title)).toEqual(["监测成果 PUBLISHED"]);
    // Authors first (by their results on the node), then researchers by expertise.
    expect(p.supply.researchers.map((r) => [r.id, r.results])).toEqual([
      [researcher.actor.id, 1],
      [expertId, 0],
    ]);
    expect(p.supply.instruments.map((i) => i.name)).toEqual(["监测扫描电镜"]);
    expect(JSON.stringify(p)).not.toContain("监测夹具 N3");
  });
});

describe("published metrics (small-cell suppression)", () => {
  // 2026-Q2: chain A has 10 needs, 5 of them with a contract of 100,000; chain B has one
  // confidential need with a contract whose value must never be inferable.
  async function world(secretValue: number) {
    await prisma.contract.deleteMany({});
    await prisma.introduction.deleteMany({});
    await prisma.need.deleteMany({ where: { title: { startsWith: "公开指标" } } });
    for (let i = 0; i < 10; i++) {
      const n = await prisma.need.create({
        data: {
          title: `公开指标 A${i}`,
          description: "x",
          field: "材料",
          status: "PUBLISHED",
          chainNodeId: "mon-mid",
          organisationId: company.organisationId,
          createdById: company.actor.id,
          publishedAt: d(`2026-05-${String(i + 1).padStart(2, "0")}`),
        },
      });
      if (i < 5) await intro(n.id, d("2026-05-20"), "CONTRACT_SIGNED", d("2026-05-21"), { signedAt: d("2026-06-01"), valueCny: 100_000 });
    }
    const secret = await prisma.need.create({
      data: {
        title: "公开指标 机密",
        description: "x",
        field: "材料",
        status: "PUBLISHED",
        visibility: "CONFIDENTIAL",
        chainNodeId: "mon-b1",
        organisationId: company.organisationId,
        createdById: company.actor.id,
        publishedAt: d("2026-05-15"),
      },
    });
    await intro(secret.id, d("2026-05-16"), "CONTRACT_SIGNED", d("2026-05-17"), { signedAt: d("2026-06-10"), valueCny: secretValue });
    await refreshMonitorAggregates(prisma, { full: true });
    await publishMetrics(prisma);
    return (await getPublishedMetrics()).rows.filter((r) => r.quarter === "2026-Q2");
  }

  it("hides the one-need chain and, by complement, the chain next to it; the total stays an aggregate", async () => {
    const rows = await world(7_000_000);
    const by = (id: string) => rows.find((r) => r.chainId === id)!;
    expect(by("mon-b")).toMatchObject(Object.fromEntries(METRIC_KEYS.map((k) => [k, null])));
    expect(by(ALL_CHAINS)).toMatchObject({ needsPosted: 11, contracts: 6, contractValueCny: 7_500_000 });
    // Chain A is shown... but none of its figures that would give B back as total - A.
    const a = by("mon-a");
    for (const key of METRIC_KEYS) if (by(ALL_CHAINS)[key] !== null) expect(a[key], key).toBeNull();
  });

  it("no published cell but the all-chains total depends on the confidential need", async () => {
    const low = await world(1_000);
    const high = await world(9_000_000);
    const strip = (rows: typeof low) => rows.filter((r) => r.chainId !== ALL_CHAINS);
    expect(strip(high)).toEqual(strip(low));
    // And the totals differ only in aggregates of at least 5 needs.
    const tl = low.find((r) => r.chainId === ALL_CHAINS)!;
    const th = high.find((r) => r.chainId === ALL_CHAINS)!;
    const changed = METRIC_KEYS.filter((k) => tl[k] !== th[k]);
    expect(changed).toEqual(["contractValueCny"]);
    expect(th.contracts).toBeGreaterThanOrEqual(5);
  });
});
