// The needs list's facets, filters and counts never reveal a CONFIDENTIAL need's hidden optional
// fields (region, TRL, collaboration modes) to a viewer who sees only its teaser.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { parseBrowseQuery } from "@/lib/browse/browse-query";
import { prisma } from "@/lib/db";
import { browseNeeds } from "./browse-needs";
import { createNeed } from "./create-need";

let owner: ApiUser;
let other: ApiUser;
const hiddenRegion = `隐区${randomUUID().slice(0, 8)}`;
const shownRegion = `显区${randomUUID().slice(0, 8)}`;
const openRegion = `公区${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  [owner, other] = await Promise.all([createApiUser("COMPANY"), createApiUser("COMPANY")]);
  const base = {
    description: "保密需求正文，细节只对获准查看的研究者开放，涉及新一代电芯结构。",
    field: "电池材料",
    keywords: [],
    visibility: "CONFIDENTIAL" as const,
    teaser: "寻找电池材料合作。",
  };
  await createNeed(owner.actor, { ...base, title: "隐藏区域的保密需求", region: hiddenRegion, trlTarget: 7, collaborationModes: ["EQUITY"], teaserFields: [] });
  await createNeed(owner.actor, { ...base, title: "公开区域的保密需求", region: shownRegion, collaborationModes: [], teaserFields: ["region"] });
  await createNeed(owner.actor, {
    ...base,
    title: "公开的低成熟度需求",
    visibility: "PUBLIC",
    region: openRegion,
    trlTarget: 3,
    budgetMaxCny: 1_000,
    collaborationModes: [],
    teaserFields: [],
  });
  await createNeed(owner.actor, {
    ...base,
    title: "保密的高预算需求",
    region: hiddenRegion,
    trlTarget: 9,
    budgetMaxCny: 90_000_000,
    collaborationModes: [],
    teaserFields: [],
  });
  await prisma.need.updateMany({ where: { organisationId: owner.actor.organisationId! }, data: { status: "PUBLISHED" } });
});

afterAll(async () => {
  await prisma.$disconnect();
});

const regions = async (viewer: ApiUser, params: Record<string, string> = {}) =>
  (await browseNeeds(viewer.actor, parseBrowseQuery(params))).facets.region?.map((f) => f.value) ?? [];

describe("needs list facets and filters", () => {
  it("count a hidden region, TRL or mode only for the owner", async () => {
    expect(await regions(owner)).toEqual(expect.arrayContaining([hiddenRegion, shownRegion]));
    const seen = await regions(other);
    expect(seen).toContain(shownRegion);
    expect(seen).not.toContain(hiddenRegion);
    const facets = (await browseNeeds(other.actor, parseBrowseQuery({ region: shownRegion }))).facets;
    expect(facets.trl).toEqual([]);
    expect(facets.mode).toEqual([]);
  });

  it("do not find a need by a hidden field's value (no filter oracle)", async () => {
    expect((await browseNeeds(other.actor, parseBrowseQuery({ region: hiddenRegion }))).total).toBe(0);
    expect((await browseNeeds(owner.actor, parseBrowseQuery({ region: hiddenRegion }))).total).toBe(2);
    expect((await browseNeeds(other.actor, parseBrowseQuery({ region: shownRegion }))).total).toBe(1);
  });

  it("keep the other values of a chosen facet, each with the count it would give", async () => {
    const chosen = await browseNeeds(other.actor, parseBrowseQuery({ region: shownRegion }));
    expect(chosen.total).toBe(1);
    expect(chosen.facets.region).toEqual(
      expect.arrayContaining([
        { value: shownRegion, count: 1 },
        { value: openRegion, count: 1 },
      ]),
    );
    expect(chosen.facets.region?.map((f) => f.value)).not.toContain(hiddenRegion);
    // Other facets still narrow with the chosen region.
    expect(chosen.facets.trl).toEqual([]);
  });
});

describe("needs list sorting", () => {
  const titles = async (viewer: ApiUser, sort: string, pageSize = 20) =>
    (await browseNeeds(viewer.actor, parseBrowseQuery({ sort }), pageSize)).items.map((n) => n.title);

  it("never orders a need by a TRL, budget or deadline the viewer cannot see", async () => {
    for (const sort of ["trl", "budget"]) {
      const seen = await titles(other, sort);
      // The hidden TRL 9 / budget 90M sorts as if empty: after the public need's TRL 3 / budget 1k.
      expect(seen.indexOf("公开的低成熟度需求"), sort).toBe(0);
      expect(seen).toContain("保密的高预算需求");
      // The owner sees the values and the true order.
      expect((await titles(owner, sort))[0], sort).toBe("保密的高预算需求");
    }
  });

  it("pages through the shown-value and hidden-value parts without gaps or repeats", async () => {
    const whole = await titles(other, "trl");
    const paged: string[] = [];
    for (let page = 1; page <= whole.length; page++) {
      paged.push(...(await browseNeeds(other.actor, parseBrowseQuery({ sort: "trl", page: String(page) }), 1)).items.map((n) => n.title));
    }
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(4);
  });
});
