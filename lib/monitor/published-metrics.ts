import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { ALL_CHAINS, suppressMetrics, type PublishedRow, type RawMetricRow } from "./suppress";

// The public effectiveness metrics (page /metrics, anonymous), recomputed daily by the worker
// ("publish-metrics" job) from the need facts (lib/monitor/refresh-aggregates.ts): per chain and
// per quarter of posting, needs posted, share matched within 7 days, share with a contact,
// introductions, contracts and their value, median days from posting to the first contact and
// to the contract. Confidential needs are counted like the others, so nothing about one may be
// inferable: every figure goes through suppressMetrics (lib/monitor/suppress.ts) before it is
// stored, and the page reads only the stored, suppressed table.

type Db = Pick<PrismaClient, "$transaction" | "$queryRawUnsafe">;

const RAW_SQL = `
WITH f AS (
  SELECT "chainId", to_char("postedAt", 'YYYY') || '-Q' || extract(quarter FROM "postedAt")::int AS quarter,
    "postedAt", "firstMatchAt", "firstContactAt", "contractAt", "contractValueCny", introductions
  FROM "MonitorNeedFact"
)
SELECT COALESCE("chainId", '${ALL_CHAINS}') AS "chainId", quarter,
  count(*)::int AS "needsPosted",
  count(*) FILTER (WHERE "firstMatchAt" <= "postedAt" + interval '7 days')::int AS "matchedWithin7d",
  count("firstContactAt")::int AS contacted,
  sum(introductions)::int AS introductions,
  count("contractAt")::int AS contracts,
  COALESCE(sum("contractValueCny") FILTER (WHERE "contractAt" IS NOT NULL), 0)::float AS "contractValueCny",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "firstContactAt" - "postedAt") / 86400) AS "medianDaysToContact",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "contractAt" - "postedAt") / 86400) AS "medianDaysToContract"
FROM f
GROUP BY GROUPING SETS ((quarter, "chainId"), (quarter))`;

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export async function computePublishedMetrics(db: Pick<PrismaClient, "$queryRawUnsafe">): Promise<PublishedRow[]> {
  const raw = await db.$queryRawUnsafe<RawMetricRow[]>(RAW_SQL);
  return suppressMetrics(raw.map((r) => ({ ...r, medianDaysToContact: round1(r.medianDaysToContact), medianDaysToContract: round1(r.medianDaysToContract) })));
}

export async function publishMetrics(db: Db = prisma, now = new Date()): Promise<number> {
  const rows = await computePublishedMetrics(db);
  await db.$transaction(async (tx) => {
    await tx.publishedMetric.deleteMany({});
    await tx.publishedMetric.createMany({
      data: rows.map((r) => ({ ...r, contractValueCny: r.contractValueCny === null ? null : BigInt(Math.round(r.contractValueCny)), computedAt: now })),
    });
  });
  return rows.length;
}

export type PublicMetrics = {
  computedAt: Date | null;
  quarters: string[];
  chains: { id: string; nameZh: string; nameEn: string }[];
  rows: PublishedRow[];
};

/** What the public page shows: the stored, suppressed table only (no viewer needed: it is public). */
export async function getPublishedMetrics(): Promise<PublicMetrics> {
  const [stored, chains] = await Promise.all([
    prisma.publishedMetric.findMany({ orderBy: [{ quarter: "desc" }, { chainId: "asc" }] }),
    prisma.industryChain.findMany({ orderBy: { sort: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  const rows: PublishedRow[] = stored.map((r) => ({
    chainId: r.chainId,
    quarter: r.quarter,
    needsPosted: r.needsPosted,
    matchedWithin7dPct: r.matchedWithin7dPct,
    contactedPct: r.contactedPct,
    introductions: r.introductions,
    contracts: r.contracts,
    contractValueCny: r.contractValueCny === null ? null : Number(r.contractValueCny),
    medianDaysToContact: r.medianDaysToContact,
    medianDaysToContract: r.medianDaysToContract,
  }));
  return {
    computedAt: stored[0]?.computedAt ?? null,
    quarters: [...new Set(rows.map((r) => r.quarter))],
    chains,
    rows,
  };
}
