// The need page's match list shows each result's organisation as it is now in the database,
// including whether a platform admin verified it (components/orgs/org-name.tsx marks it if not).
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Match } from "@/lib/matching/matcher";
import { verifyOrganisation } from "@/lib/orgs/verify-organisation";
import { OPERATOR } from "@/lib/staff/staff-grants";
import { recheckSnapshotMatches } from "./recheck-snapshot";

afterAll(async () => {
  await prisma.$disconnect();
});

const staleMatch = (id: string): Match => ({
  id,
  kind: "result",
  score: 0.8,
  evidence: { channel: "word", share: 0.5 },
  title: "旧标题",
  lang: "zh",
  field: "旧领域",
  trl: null,
  organisationName: "旧名称",
  organisationVerified: true,
  version: 1,
  explanation: { matchedTerms: [], sameChainNode: false, sameChain: false, sameField: false, trlFit: null, sharedModes: [], sameRegion: false },
});

describe("recheckSnapshotMatches", () => {
  it("says the result's organisation is unverified until a platform admin verifies it", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const org = await prisma.organisation.create({ data: { name: `未认证研究所 ${tag}`, kind: "UNIVERSITY" } });
    const user = await prisma.user.create({ data: { email: `r-${tag}@example.test`, role: "RESEARCHER", organisationId: org.id } });
    const result = await prisma.result.create({
      data: { title: `成果 ${tag}`, summary: "正极材料循环寿命提升", field: "新能源", organisationId: org.id, createdById: user.id },
    });

    const [before] = await recheckSnapshotMatches([staleMatch(result.id)]);
    expect(before).toMatchObject({ title: `成果 ${tag}`, organisationName: `未认证研究所 ${tag}`, organisationVerified: false });

    await verifyOrganisation(OPERATOR, { organisationId: org.id, registrationCode: "91330100799655058B" }, "en");
    const [after] = await recheckSnapshotMatches([staleMatch(result.id)]);
    expect(after).toMatchObject({ organisationName: `未认证研究所 ${tag}`, organisationVerified: true });
  });
});
