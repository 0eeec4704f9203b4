import { describe, expect, it } from "vitest";
import { researcherVisibleSubject } from "@/lib/matching/subjects";
import type { CollaborationMode } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy";
import { needPublicDocument } from "@/lib/search/documents";
import { presentNeed, type NeedRow } from "./present-need";
import { teaserOf } from "./teaser";
import { OPTIONAL_TEASER_FIELDS, type TeaserField } from "./teaser-fields";

const SECRET = "机密：客户为某车企";
const researcher: Actor = { id: "u1", role: "RESEARCHER", organisationId: "uni", isOrgAdmin: false, email: "r@example.edu", name: null };

function confidentialNeed(teaserFields: string[]) {
  return {
    id: "n1",
    version: 3,
    title: "固态电解质",
    teaser: "寻求高电导率电解质",
    teaserFields,
    accessDays: 30,
    description: SECRET,
    desiredOutcome: SECRET,
    keywords: [SECRET],
    field: "新能源",
    lang: "zh" as const,
    visibility: "CONFIDENTIAL" as const,
    status: "PUBLISHED" as const,
    trlTarget: 6,
    budgetMinCny: 100_000,
    budgetMaxCny: 500_000,
    collaborationModes: ["LICENCE"] as CollaborationMode[],
    region: "深圳",
    chainNodeId: "node",
    chainNode: { id: "node", chainId: "chain", nameZh: "电池", nameEn: "Battery" },
    organisationId: "org",
    organisation: { id: "org", name: "某车企", verifiedAt: null },
    brokerId: null,
    accessRequests: [],
    introductions: [],
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-01-02T00:00:00Z"),
    publishedAt: new Date("2026-01-02T00:00:00Z"),
  };
}

// Every subset of the optional fields, so the three users can be compared on each.
const subsets: TeaserField[][] = OPTIONAL_TEASER_FIELDS.reduce<TeaserField[][]>((acc, f) => [...acc, ...acc.map((s) => [...s, f])], [[]]);

describe("teaserOf", () => {
  it("shows title, teaser, chain node and field always, the optional fields only as listed", () => {
    expect(teaserOf(confidentialNeed([]))).toEqual({
      title: "固态电解质",
      teaser: "寻求高电导率电解质",
      field: "新能源",
      chainNodeId: "node",
      trlTarget: null,
      budgetMinCny: null,
      budgetMaxCny: null,
      collaborationModes: [],
      region: null,
    });
    expect(teaserOf(confidentialNeed(["budget", "region", "unknown"]))).toMatchObject({
      trlTarget: null,
      budgetMinCny: 100_000,
      budgetMaxCny: 500_000,
      region: "深圳",
      collaborationModes: [],
    });
  });

  it("is what the search document, the alert subject and the presenter show, for every choice of fields", () => {
    for (const fields of subsets) {
      const need = confidentialNeed(fields);
      const t = teaserOf(need);
      const doc = needPublicDocument(need)!;
      expect({
        trl: doc.trl,
        budgetMinCny: doc.budgetMinCny,
        budgetMaxCny: doc.budgetMaxCny,
        collaborationModes: doc.collaborationModes,
        region: doc.region,
      }).toEqual({
        trl: t.trlTarget,
        budgetMinCny: t.budgetMinCny,
        budgetMaxCny: t.budgetMaxCny,
        collaborationModes: t.collaborationModes,
        region: t.region,
      });
      const subject = researcherVisibleSubject(need)!;
      expect(subject.structured).toMatchObject({ trl: t.trlTarget, collaborationModes: t.collaborationModes, region: t.region });
      const view = presentNeed(researcher, need as NeedRow)!;
      expect(view.access).toBe("teaser");
      expect(view).toMatchObject({
        trlTarget: t.trlTarget,
        budgetMinCny: t.budgetMinCny,
        budgetMaxCny: t.budgetMaxCny,
        collaborationModes: t.collaborationModes,
        region: t.region,
      });
      for (const shown of [doc, subject, view]) expect(JSON.stringify(shown)).not.toContain(SECRET);
    }
  });
});
