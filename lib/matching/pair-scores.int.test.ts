// One figure per need-result pair: the need page, the result page's matching needs, broker triage
// and the researcher dashboard show the same calibrated score for the same pair, never above 100%.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getNeedCandidates } from "@/lib/broker/candidates";
import { createNeed } from "@/lib/needs/create-need";
import { getResearcherDashboard } from "@/lib/recommend/researcher-dashboard";
import { createResult } from "@/lib/results/create-result";
import { syncNeed, syncResult } from "@/lib/search/sync";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { MAX_PROBABILITY } from "./calibrate";
import { clearDfCache } from "./matcher";
import { getNeedMatches } from "./need-matches";
import { clearResultRankings, getResultMatches } from "./result-matches";

let company: ApiUser;
let researcher: ApiUser;
let admin: ApiUser;
let needId: string;
let resultId: string;

beforeAll(async () => {
  clearDfCache();
  clearResultRankings();
  [company, researcher, admin] = await Promise.all([createApiUser("COMPANY"), createApiUser("RESEARCHER"), createApiUser("ADMIN")]);
  ({ id: resultId } = await createResult(researcher.actor, {
    title: "质子交换膜燃料电池低铂催化剂",
    summary: "一种低铂载量的质子交换膜燃料电池催化剂，铂用量降低 60%，耐久性超过 6000 小时。",
    field: "氢能",
    keywords: ["燃料电池", "低铂催化剂"],
    trl: 6,
    transferModes: [],
  }));
  await syncResult(prisma, resultId);
  ({ id: needId } = await createNeed(company.actor, {
    title: "燃料电池低铂催化剂国产化",
    description: "我们需要降低质子交换膜燃料电池催化剂的铂用量，寻求低铂催化剂技术，要求耐久性不低于 5000 小时。",
    field: "氢能",
    keywords: ["燃料电池", "催化剂"],
    visibility: "PUBLIC",
    collaborationModes: [],
    teaserFields: [],
  }));
  await syncNeed(prisma, needId);
}, 120_000);

afterAll(async () => {
  await prisma.needMatchSnapshot.deleteMany({ where: { needId } });
});

describe("the same calibrated figure for a pair on every page", () => {
  it("need page, result page, broker triage and researcher dashboard agree", async () => {
    const needPage = await getNeedMatches(company.actor, needId);
    if (!needPage.ok) throw new Error("unavailable");
    const fromNeed = needPage.matches.find((m) => m.id === resultId);
    expect(fromNeed).toBeDefined();
    expect(fromNeed!.score).toBeGreaterThan(0);
    expect(fromNeed!.score).toBeLessThanOrEqual(MAX_PROBABILITY);

    const resultPage = await getResultMatches(researcher.actor, resultId);
    if (!resultPage.ok) throw new Error("unavailable");
    expect(resultPage.matches.find((m) => m.id === needId)?.score).toBe(fromNeed!.score);

    const triage = await getNeedCandidates(admin.actor, needId);
    if (!triage.ok) throw new Error("unavailable");
    expect(triage.candidates.find((c) => c.id === resultId)?.score).toBe(fromNeed!.score);

    const dashboard = await getResearcherDashboard(researcher.actor);
    expect(dashboard.fromResults.find((m) => m.id === needId)?.score).toBe(fromNeed!.score);
  }, 120_000);
});
