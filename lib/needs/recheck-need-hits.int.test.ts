// recheckNeedHits reads a need hit's list item in one SQL statement (issue 18) instead of Prisma's
// full rows: held here to the Prisma read it replaced (needScopeFor + needRowInclude + presentNeed),
// for every kind of viewer against needs at every visibility and status, with live, expired,
// revoked and pending grants, revealed and half-accepted introductions, assigned needs, needs whose
// owner asked for a broker's help and BROKER_ONLY needs in and out of a broker's portfolio; then the
// search API's answer for the same needs, item by item.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/v1/search/route";
import { setBrokerPortfolio } from "@/lib/broker/portfolio";
import { prisma } from "@/lib/db";
import type { CollaborationMode, NeedStatus, Visibility } from "@/lib/generated/prisma/enums";
import { can, needScopeFor, type Actor, type MaybeActor } from "@/lib/policy";
import { inNeedScope } from "@/lib/policy/scopes";
import { searchCatalog } from "@/lib/search/search";
import { syncNeeds } from "@/lib/search/sync";
import { apiRequest, createApiUser, noParams, readJson, type ApiUser } from "@/tests/kits/api-test-kit";
import { needFactsOf, needRowInclude, presentNeed, type NeedHitView } from "./present-need";
import { recheckNeedHits, type IndexedNeedHit } from "./recheck-need-hits";

const VISIBILITIES: Visibility[] = ["PUBLIC", "ANONYMOUS", "CONFIDENTIAL", "BROKER_ONLY"];
const STATUSES: NeedStatus[] = ["DRAFT", "SUBMITTED", "PUBLISHED", "IN_PROGRESS", "SOLVED", "CLOSED", "EXPIRED"];
const TEASER_FIELDS = [[], ["trlTarget", "region", "collaborationModes", "budget"], ["trlTarget"], ["region", "collaborationModes"]];
const MODES: CollaborationMode[] = ["LICENCE", "CO_DEVELOPMENT"];

const tag = Math.random().toString(36).slice(2, 8);
const token = `复核${tag}`;
const chainId = `rh-${tag}`;
const region = `复核区${tag}`;

type Cast = Record<
  "owner" | "ownerResearcher" | "otherCompany" | "researcher" | "granted" | "broker" | "portfolioBroker" | "orgBroker" | "admin" | "analyst",
  ApiUser
>;
let cast: Cast;
let actors: [string, MaybeActor][];
let ids: string[];

// The read recheckNeedHits replaced (lib/needs/recheck-need-hits.ts before issue 18's narrow read).
async function referenceRecheck(actor: MaybeActor, hits: readonly IndexedNeedHit[], publicOnly: Set<string>): Promise<Map<string, NeedHitView>> {
  const rows = await prisma.need.findMany({
    where: { AND: [{ id: { in: [...new Set(hits.map((h) => h.id))] } }, needScopeFor(actor)] },
    include: needRowInclude(actor),
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, NeedHitView>();
  for (const hit of hits) {
    const row = byId.get(hit.id);
    const view = row ? presentNeed(actor, row) : null;
    if (!row || !view) continue;
    if (hit.version !== row.version && view.access !== "full") continue;
    out.set(hit.id, hitFields(view));
    if (actor?.role === "BROKER" && row.visibility !== "PUBLIC") {
      const facts = needFactsOf(row);
      if (!(can(actor, "need.readFull", facts) && can(actor, "need.seeOwner", facts))) publicOnly.add(hit.id);
    }
  }
  return out;
}

const hitFields = (v: NeedHitView): NeedHitView => ({
  id: v.id,
  access: v.access,
  title: v.title,
  teaser: v.teaser,
  field: v.field,
  lang: v.lang,
  visibility: v.visibility,
  status: v.status,
  trlTarget: v.trlTarget,
  region: v.region,
  collaborationModes: v.collaborationModes,
  organisation: v.organisation,
  version: v.version,
});

beforeAll(async () => {
  await prisma.industryChain.createMany({
    data: [
      { id: chainId, nameZh: "复核链", nameEn: "Recheck chain" },
      { id: `${chainId}-out`, nameZh: "其他链", nameEn: "Other chain" },
    ],
  });
  await prisma.chainNode.createMany({
    data: [
      { id: `${chainId}-n`, chainId, stage: "UPSTREAM", nameZh: "节点", nameEn: "Node" },
      { id: `${chainId}-out-n`, chainId: `${chainId}-out`, stage: "UPSTREAM", nameZh: "节点", nameEn: "Node" },
    ],
  });
  const owner = await createApiUser("COMPANY");
  const ownerOrg = (await prisma.organisation.findUniqueOrThrow({ where: { id: owner.organisationId }, select: { name: true } })).name;
  cast = {
    owner,
    ownerResearcher: await createApiUser("RESEARCHER", { orgName: ownerOrg }),
    otherCompany: await createApiUser("COMPANY"),
    researcher: await createApiUser("RESEARCHER"),
    granted: await createApiUser("RESEARCHER"),
    broker: await createApiUser("BROKER"),
    portfolioBroker: await createApiUser("BROKER"),
    // A broker inside the owner's organisation: needScopeFor gives brokers no organisation clause.
    orgBroker: await createApiUser("BROKER", { orgName: ownerOrg }),
    admin: await createApiUser("ADMIN"),
    analyst: await createApiUser("ANALYST"),
  };
  await setBrokerPortfolio({ email: cast.portfolioBroker.actor.email, regions: [region], chainIds: [chainId] });
  cast.portfolioBroker.actor = { ...cast.portfolioBroker.actor, brokerPortfolio: { regions: [region], chainIds: [chainId] } };
  await prisma.organisation.update({ where: { id: owner.organisationId }, data: { verifiedAt: new Date() } });

  // Two needs per visibility and status, the other columns rotating over the cases that matter.
  ids = [];
  let i = 0;
  for (const visibility of VISIBILITIES) {
    for (const status of STATUSES) {
      for (let k = 0; k < 2; k++, i++) {
        const need = await prisma.need.create({
          data: {
            title: `${token} 电池正极材料 ${visibility} ${status} ${k}`,
            teaser: i % 5 === 0 ? null : `寻找电池材料方向的合作伙伴 ${i}`,
            description: `保密描述 ${i}`,
            field: "新能源",
            keywords: ["正极材料"],
            lang: i % 3 === 0 ? "en" : "zh",
            visibility,
            status,
            publishedAt: status === "DRAFT" ? null : new Date(),
            teaserFields: TEASER_FIELDS[i % TEASER_FIELDS.length]!,
            trlTarget: i % 4 === 1 ? null : 5,
            budgetMinCny: 100_000,
            budgetMaxCny: 500_000,
            collaborationModes: i % 2 ? MODES : [],
            region: i % 3 === 0 ? region : i % 3 === 1 ? "别处" : null,
            chainNodeId: i % 4 === 0 ? `${chainId}-n` : i % 4 === 1 ? `${chainId}-out-n` : null,
            organisationId: i % 7 === 6 ? cast.otherCompany.organisationId : owner.organisationId,
            createdById: i % 7 === 6 ? cast.otherCompany.actor.id : owner.actor.id,
            brokerId: i % 3 === 1 ? cast.broker.actor.id : null,
            brokerHelpAt: i % 5 === 2 ? new Date() : null,
          },
        });
        ids.push(need.id);
        // The granted researcher: a live grant, an expired one, a revoked one or a pending request,
        // and introductions accepted by both sides or by the company only.
        const grant = Math.floor(i / 2) % 4;
        const nda = await prisma.nda.create({ data: { needId: need.id, version: 1, text: "NDA", textSha256: "x" } });
        await prisma.accessRequest.create({
          data: {
            needId: need.id,
            requesterId: cast.granted.actor.id,
            ndaId: nda.id,
            status: grant === 3 ? "PENDING" : "APPROVED",
            expiresAt: grant === 3 ? null : new Date(Date.now() + (grant === 1 ? -1 : 1) * 86_400_000),
            revokedAt: grant === 2 ? new Date() : null,
          },
        });
        if (i % 3 !== 2) {
          await prisma.introduction.create({
            data: {
              needId: need.id,
              researcherId: cast.granted.actor.id,
              companyAcceptedAt: new Date(),
              researcherAcceptedAt: i % 3 === 0 ? new Date() : null,
            },
          });
        }
      }
    }
  }
  await syncNeeds(prisma, ids);
  actors = [["anonymous", null], ...Object.entries(cast).map(([name, u]) => [name, u.actor] as [string, Actor])];
}, 300_000);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("recheckNeedHits (one SQL statement) against the Prisma read it replaced", () => {
  it("inNeedScope keeps exactly the rows needScopeFor selects, for every viewer", async () => {
    const rows = await prisma.need.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        organisationId: true,
        visibility: true,
        status: true,
        brokerId: true,
        brokerHelpAt: true,
        region: true,
        chainNode: { select: { chainId: true } },
      },
    });
    for (const [name, actor] of actors) {
      const scoped = await prisma.need.findMany({ where: { AND: [{ id: { in: ids } }, needScopeFor(actor)] }, select: { id: true } });
      const tested = rows.filter((r) => inNeedScope(actor, { ...r, chainId: r.chainNode?.chainId ?? null }));
      expect(tested.map((r) => r.id).sort(), name).toEqual(scoped.map((r) => r.id).sort());
    }
  });

  it("gives the same list items and the same broker hits to confirm, with current and stale index versions", async () => {
    const versions = new Map((await prisma.need.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } })).map((r) => [r.id, r.version]));
    let compared = 0;
    for (const stale of [false, true]) {
      const hits = ids.map((id) => ({ id, version: versions.get(id)! + (stale ? 1 : 0) }));
      for (const [name, actor] of actors) {
        const [got, gotPublicOnly] = [new Map<string, NeedHitView>(), new Set<string>()];
        for (const [id, view] of await recheckNeedHits(actor, hits, gotPublicOnly)) got.set(id, view);
        const wantPublicOnly = new Set<string>();
        const want = await referenceRecheck(actor, hits, wantPublicOnly);
        expect([...got.entries()], `${name}${stale ? ", stale" : ""}`).toEqual([...want.entries()]);
        expect([...gotPublicOnly].sort(), `${name} publicOnly`).toEqual([...wantPublicOnly].sort());
        compared += want.size;
      }
    }
    // The matrix is not vacuous: teasers, full reads, masked and shown owners all occur.
    const all = [
      ...(
        await recheckNeedHits(
          cast.granted.actor,
          ids.map((id) => ({ id, version: versions.get(id)! })),
        )
      ).values(),
    ];
    expect(all.some((v) => v.access === "teaser" && v.organisation !== null)).toBe(true); // granted + revealed
    expect(all.some((v) => v.access === "teaser" && v.organisation === null)).toBe(true);
    expect(all.some((v) => v.access === "full" && v.organisation !== null)).toBe(true);
    expect(compared).toBeGreaterThan(200);
  });

  it("answers the search API with each need hit as the Prisma read presents it (public, confidential, granted, revealed)", async () => {
    const versions = new Map((await prisma.need.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } })).map((r) => [r.id, r.version]));
    for (const [name, actor] of actors) {
      type Item = Record<string, unknown> & { id: string };
      // Anonymous visitors search through the page (the API needs a token).
      const items: Item[] =
        actor === null
          ? await searchCatalog({ q: token, type: "needs", viewer: null, limit: 50 }).then((r) => (r.ok ? r.hits : []))
          : (
              await readJson<{ items: Item[] }>(
                await searchRoute.GET(
                  apiRequest(`/search?type=needs&limit=50&q=${encodeURIComponent(token)}`, { token: cast[name as keyof Cast].token }),
                  noParams,
                ),
              )
            ).items;
      const want = await referenceRecheck(
        actor,
        items.map((h) => ({ id: h.id, version: versions.get(h.id) ?? null })),
        new Set(),
      );
      expect(items.length, name).toBeGreaterThan(0);
      for (const item of items) {
        const view = want.get(item.id);
        expect(view, `${name}: ${item.id} shown`).toBeDefined();
        const shown = {
          title: item.title,
          teaser: item.teaser,
          field: item.field,
          trl: item.trl,
          visibility: item.visibility,
          status: item.status,
          region: item.region,
          collaborationModes: item.collaborationModes,
          organisationName: item.organisationName,
          organisationVerified: item.organisationVerified,
        };
        expect(shown, `${name}: ${item.id}`).toEqual({
          title: view!.title,
          teaser: view!.teaser,
          field: view!.field,
          trl: view!.trlTarget,
          visibility: view!.visibility,
          status: view!.status,
          region: view!.region,
          collaborationModes: view!.collaborationModes,
          organisationName: view!.organisation?.name ?? null,
          organisationVerified: view!.organisation?.verified ?? null,
        });
      }
      if (name === "researcher" || name === "granted") {
        expect(items.some((h) => h.visibility === "PUBLIC" && h.organisationName !== null)).toBe(true);
        expect(items.some((h) => h.visibility === "CONFIDENTIAL" && h.organisationName === null && h.trl === null)).toBe(true);
      }
      // A live grant and an introduction both sides accepted: the owner is named in the list.
      if (name === "granted") expect(items.some((h) => h.visibility === "CONFIDENTIAL" && h.organisationName !== null)).toBe(true);
      if (name === "researcher") expect(items.some((h) => h.visibility === "CONFIDENTIAL" && h.organisationName !== null)).toBe(false);
    }
  });
});
