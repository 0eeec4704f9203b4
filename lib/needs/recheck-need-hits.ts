import "server-only";
import { prisma } from "@/lib/db";
import type { NeedStatus, Visibility } from "@/lib/generated/prisma/enums";
import { can, type MaybeActor } from "@/lib/policy";
import { inNeedScope } from "@/lib/policy/scopes";
import type { Viewer } from "@/lib/search/access";
import { needFactsOf, presentNeedHit, type NeedHitRow, type NeedHitView } from "./present-need";

export type IndexedNeedHit = { id: string; version: number | null };

// The search index is only a way to FIND needs, never the authority on what a viewer may see:
// every need hit is re-read from the database with the viewer's scope and grant, and presented
// like a list item (confidential needs as teasers). A hit whose index document is older than the
// row and which the viewer may not read in full is dropped: its stale document may have matched
// on text that is no longer public (e.g. just after a need was made confidential).
//
// A broker searches the broker index (full text of every need) but acts for the owner only of some
// needs (rules.ts). The ids of the other non-PUBLIC hits go into `publicOnly`: the caller must
// confirm them against what a researcher could find (the public index), or drop them, so that
// neither a hit nor its snippet comes from text the broker may not read.
//
// Every search of needs and every ranked list of needs runs this, search-cache hits included, so
// it reads only what a list item shows and what the policy decides on, in one SQL statement:
// the same read through Prisma (`findMany` with needScopeFor and needRowInclude: five queries,
// the full rows) cost 4-5 ms of server CPU per search (docs/SCALE.md, issue 18). The scope is
// `inNeedScope`, needScopeFor's where clause as a test of the loaded row, and each item is built by
// presentNeed itself (`presentNeedHit`); recheck-need-hits.int.test.ts holds the answer to the
// Prisma read for every kind of viewer and need.
export async function recheckNeedHits(viewer: Viewer, hits: readonly IndexedNeedHit[], publicOnly?: Set<string>): Promise<Map<string, NeedHitView>> {
  const actor = policyActorOf(viewer);
  const ids = [...new Set(hits.map((h) => h.id))];
  if (ids.length === 0) return new Map();
  const rows = (await readNeedHitRows(ids, actor?.id ?? "", new Date())).filter((r) =>
    inNeedScope(actor, {
      organisationId: r.organisationId,
      visibility: r.visibility,
      status: r.status,
      brokerId: r.brokerId ?? null,
      brokerHelpAt: r.brokerHelpAt ?? null,
      region: r.region,
      chainId: r.chainNode?.chainId ?? null,
    }),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, NeedHitView>();
  for (const hit of hits) {
    const row = byId.get(hit.id);
    const view = row ? presentNeedHit(actor, row) : null;
    if (!row || !view) continue;
    const stale = hit.version !== row.version;
    if (stale && view.access !== "full") continue;
    out.set(hit.id, view);
    if (publicOnly && actor?.role === "BROKER" && row.visibility !== "PUBLIC") {
      const facts = needFactsOf(row);
      if (!(can(actor, "need.readFull", facts) && can(actor, "need.seeOwner", facts))) publicOnly.add(hit.id);
    }
  }
  return out;
}

type HitSqlRow = {
  id: string;
  title: string;
  teaser: string | null;
  teaserFields: string[];
  field: string;
  lang: "zh" | "en";
  visibility: Visibility;
  status: NeedStatus;
  trlTarget: number | null;
  collaborationModes: string[];
  region: string | null;
  version: number;
  organisationId: string;
  brokerId: string | null;
  brokerHelpAt: Date | null;
  orgName: string;
  orgVerifiedAt: Date | null;
  chainNodeId: string | null;
  chainId: string | null;
  nameZh: string | null;
  nameEn: string | null;
  granted: boolean;
  revealed: boolean;
};

/**
 * The rows `presentNeedHit` reads, by id, with what the database knows about this viewer and each
 * need as `viewerNeedInclude` reads it: a live access grant (APPROVED, not revoked, not expired at
 * `now`) and a revealed introduction (both sides accepted). Not scoped: the caller applies
 * inNeedScope.
 */
async function readNeedHitRows(ids: string[], viewerId: string, now: Date): Promise<NeedHitRow[]> {
  const rows = await prisma.$queryRaw<HitSqlRow[]>`
    SELECT n.id, n.title, n.teaser, n."teaserFields", n.field, n.lang::text AS lang, n.visibility::text AS visibility,
      n.status::text AS status, n."trlTarget", n."collaborationModes"::text[] AS "collaborationModes", n.region, n.version,
      n."organisationId", n."brokerId", n."brokerHelpAt", o.name AS "orgName", o."verifiedAt" AS "orgVerifiedAt",
      cn.id AS "chainNodeId", cn."chainId", cn."nameZh", cn."nameEn",
      EXISTS (SELECT 1 FROM "AccessRequest" a WHERE a."needId" = n.id AND a."requesterId" = ${viewerId} AND a.status = 'APPROVED'
              AND a."revokedAt" IS NULL AND a."expiresAt" > ${now}) AS granted,
      EXISTS (SELECT 1 FROM "Introduction" i WHERE i."needId" = n.id AND i."researcherId" = ${viewerId}
              AND i."companyAcceptedAt" IS NOT NULL AND i."researcherAcceptedAt" IS NOT NULL) AS revealed
    FROM "Need" n
    JOIN "Organisation" o ON o.id = n."organisationId"
    LEFT JOIN "ChainNode" cn ON cn.id = n."chainNodeId"
    WHERE n.id = ANY(${ids}::text[])`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    teaser: r.teaser,
    teaserFields: r.teaserFields,
    field: r.field,
    lang: r.lang,
    visibility: r.visibility,
    status: r.status,
    trlTarget: r.trlTarget,
    collaborationModes: r.collaborationModes,
    region: r.region,
    version: r.version,
    organisationId: r.organisationId,
    brokerId: r.brokerId,
    brokerHelpAt: r.brokerHelpAt,
    organisation: { id: r.organisationId, name: r.orgName, verifiedAt: r.orgVerifiedAt },
    chainNode: r.chainNodeId ? { id: r.chainNodeId, chainId: r.chainId!, nameZh: r.nameZh!, nameEn: r.nameEn! } : null,
    // What viewerFactsOf reads of the grant and the introduction: whether there is one.
    accessRequests: r.granted ? [{ id: "" }] : [],
    introductions: r.revealed ? [{ id: "" }] : [],
  }));
}

// Search callers pass the acting user (an Actor satisfies Viewer); the rules read only id,
// role and organisation.
function policyActorOf(viewer: Viewer): MaybeActor {
  if (!viewer) return null;
  return {
    id: viewer.id ?? "",
    role: viewer.role,
    organisationId: viewer.organisationId,
    isOrgAdmin: false,
    email: "",
    name: null,
    brokerPortfolio: viewer.brokerPortfolio ?? null,
  };
}
