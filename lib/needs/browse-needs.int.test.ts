// The needs list's facets, filters and counts never reveal a CONFIDENTIAL need's hidden optional
// fields (region, TRL, collaboration modes) to a viewer who sees only its teaser.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiUser, type ApiUser } from "@/lib/api/api-test-kit";
import { parseBrowseQuery } from "@/lib/browse/browse-query";
import { prisma } from "@/lib/db";
import { browseNeeds } from "./browse-needs";
import { createNeed } from "./create-need";

let owner: ApiUser;
let other: ApiUser;
const hiddenRegion = `隐区${randomUUID().slice(0, 8)}`;
const shownRegion = `显区${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  [owner, other] = await Promise.all([createApiUser("COMPANY"), createApiUser("COMPANY")]);
  const base = { description: "保密需求正文，细节只对获准查看的研究者开放，涉及新一代电芯结构。", field: "电池材料", keywords: [], visibility: "CONFIDENTIAL" as const, teaser: "寻找电池材料合作。" };
  await createNeed(owner.actor, { ...base, title: "隐藏区域的保密需求", region: hiddenRegion, trlTarget: 7, collaborationModes: ["EQUITY"], teaserFields: [] }, "zh-CN");
  await createNeed(owner.actor, { ...base, title: "公开区域的保密需求", region: shownRegion, collaborationModes: [], teaserFields: ["region"] }, "zh-CN");
  await prisma.need.updateMany({ where: { organisationId: owner.actor.organisationId! }, data: { status: "PUBLISHED" } });
});

afterAll(async () => {
  await prisma.$disconnect();
});

const regions = async (viewer: ApiUser, params: Record<string, string> = {}) => (await browseNeeds(viewer.actor, parseBrowseQuery(params))).facets.region?.map((f) => f.value) ?? [];

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
    expect((await browseNeeds(owner.actor, parseBrowseQuery({ region: hiddenRegion }))).total).toBe(1);
    expect((await browseNeeds(other.actor, parseBrowseQuery({ region: shownRegion }))).total).toBe(1);
  });
});
