import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GOOD_MATCH_THRESHOLD } from "@/lib/matching/calibrate";
import { aggregatesChanged } from "./aggregate-version";

// The chain monitor's aggregates (issue 16), refreshed by the worker ("refresh-monitor" job,
// every 15 minutes, lib/worker/schedule.ts) and never computed per page view.
//
// Two layers:
//
// 1. MonitorNeedFact: one row per posted need (publishedAt set, not DRAFT) with the moments it
//    reached each step of the funnel, derived from the platform's own signals:
//    - postedAt       Need.publishedAt
//    - firstMatchAt   the earlier of (a) the need's match snapshot (NeedMatchSnapshot) when its best
//                     result scores at or above the matcher's GOOD_MATCH_THRESHOLD (its computedAt;
//                     once set, a later recomputation never moves it later), and (b) the first
//                     introduction (a broker's suggestion is a match too)
//    - firstContactAt the first deal event that took an introduction past SUGGESTED (INTRODUCED or
//                     beyond), or the introduction's creation when it has no event
//    - contractAt     the first Contract.signedAt of the need's introductions (value: their sum)
//    - endedAt        a contract, or the need's status SOLVED / EXPIRED / CLOSED (its updatedAt);
//                     solved = SOLVED or a contract; otherwise it ended without a solution
//    - leftUnmetAt    the earliest of first match, first contact and end: until then the need is
//                     "unmet demand" (no deal under way, nothing above the matcher's threshold)
//    Only the needs changed since the last run are recomputed: a need's own updatedAt, its
//    introductions' updatedAt (every deal transition writes the introduction) and its match
//    snapshot's computedAt, all later than the watermark (less a minute of overlap, so rows
//    committed while the previous run was reading are not missed: recomputing is idempotent).
//
// 2. MonitorMonthFact: the monthly cube, per month x chain node x region x organisation kind, of
//    the events that happened in the month: needs posted, first matched, first contacted,
//    contracted (and the value), solved, ended unsolved, left the unmet stock; results published
//    (Result.createdAt of PUBLISHED results, keyed by the result's own node and organisation);
//    sums for the average days to first match / contact and the average TRLs. Only the months
//    touched by a changed need (its old and new moments) or a changed result are rebuilt: the
//    rows of those months are deleted and re-aggregated from the facts in one statement.
//    Stocks (open demand, unmet demand) are running sums of the monthly flows
//    (posted - ended, posted - leftUnmet), so they need no snapshot of their own.
//
// 3. MonitorSupplyFact: the supply of a node besides its results (researchers, instruments; see
//    SUPPLY_FACTS_SQL), small and rebuilt whole; the cube counts them in the month they joined.
//
// MonitorNodeHistogram (TRL of needs, TRL of published results, collaboration modes of needs, per
// node) is small and rebuilt whole by each run.
//
// Everything runs in one transaction: a page never sees the facts of one run with the cube of
// another.

const OVERLAP_MS = 60_000;
const STATE_KEY = "aggregates";

type Db = Pick<PrismaClient, "$transaction">;

export type RefreshReport = { changedNeeds: number; changedResults: number; months: number; ms: number; full: boolean };

export async function refreshMonitorAggregates(db: Db, options: { full?: boolean; now?: Date } = {}): Promise<RefreshReport> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const report = await db.$transaction(
    async (tx) => {
      // One refresh at a time (a cron slot and a manual run may meet): the second waits.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('monitor-refresh'))`);
      const state = await tx.monitorRefreshState.findUnique({ where: { key: STATE_KEY } });
      const full = options.full === true || !state;
      const since = full ? new Date(0) : new Date(state!.watermark.getTime() - OVERLAP_MS);

      await tx.$executeRawUnsafe(`CREATE TEMP TABLE _mon_changed ("needId" text PRIMARY KEY) ON COMMIT DROP`);
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE _mon_months (m timestamp(3) PRIMARY KEY) ON COMMIT DROP`);
      if (full) {
        await tx.$executeRawUnsafe(`INSERT INTO _mon_changed SELECT id FROM "Need" UNION SELECT "needId" FROM "MonitorNeedFact"`);
      } else {
        await tx.$executeRawUnsafe(
          `INSERT INTO _mon_changed
             SELECT id FROM "Need" WHERE "updatedAt" > $1
             UNION SELECT "needId" FROM "Introduction" WHERE "updatedAt" > $1
             UNION SELECT "needId" FROM "NeedMatchSnapshot" WHERE "computedAt" > $1
             UNION SELECT f."needId" FROM "MonitorNeedFact" f WHERE NOT EXISTS (SELECT 1 FROM "Need" n WHERE n.id = f."needId")`,
          since,
        );
      }
      const changedNeeds = Number((await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM _mon_changed`))[0]!.n);

      // Months the old facts of the changed needs counted in (they may move or disappear).
      await addMonthsOfFacts(tx);
      // Keep the first match of needs already known (a recomputed snapshot has a later computedAt).
      // A full rebuild starts from scratch: it reads the snapshots as they are now.
      await tx.$executeRawUnsafe(
        `CREATE TEMP TABLE _mon_prev ON COMMIT DROP AS
           SELECT "needId", "firstMatchAt" FROM "MonitorNeedFact" WHERE ${full ? "false" : `"needId" IN (SELECT "needId" FROM _mon_changed)`}`,
      );
      await tx.$executeRawUnsafe(`DELETE FROM "MonitorNeedFact" WHERE "needId" IN (SELECT "needId" FROM _mon_changed)`);
      await tx.$executeRawUnsafe(NEED_FACTS_SQL, GOOD_MATCH_THRESHOLD, now);
      await addMonthsOfFacts(tx);

      // Results: months of the results changed since the watermark (a full run: all months).
      const changedResults = full
        ? await tx.$executeRawUnsafe(`INSERT INTO _mon_months SELECT DISTINCT date_trunc('month', "createdAt") FROM "Result" ON CONFLICT DO NOTHING`)
        : await tx.$executeRawUnsafe(
            `INSERT INTO _mon_months SELECT DISTINCT date_trunc('month', "createdAt") FROM "Result" WHERE "updatedAt" > $1 ON CONFLICT DO NOTHING`,
            since,
          );
      // Researchers and instruments (small, rebuilt whole): the months of facts that appeared,
      // moved or disappeared are rebuilt in the cube.
      await tx.$executeRawUnsafe(SUPPLY_FACTS_SQL);
      await tx.$executeRawUnsafe(
        `INSERT INTO _mon_months SELECT DISTINCT date_trunc('month', x."joinedAt") FROM (
           (SELECT * FROM "MonitorSupplyFact" EXCEPT SELECT * FROM _mon_supply)
           UNION ALL (SELECT * FROM _mon_supply EXCEPT SELECT * FROM "MonitorSupplyFact")) x
         ON CONFLICT DO NOTHING`,
      );
      await tx.$executeRawUnsafe(`DELETE FROM "MonitorSupplyFact"`);
      await tx.$executeRawUnsafe(`INSERT INTO "MonitorSupplyFact" SELECT * FROM _mon_supply`);
      if (full) await tx.$executeRawUnsafe(`DELETE FROM "MonitorMonthFact"`);
      else await tx.$executeRawUnsafe(`DELETE FROM "MonitorMonthFact" WHERE month IN (SELECT m FROM _mon_months)`);
      await tx.$executeRawUnsafe(MONTH_CUBE_SQL);
      const months = Number((await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM _mon_months`))[0]!.n);

      if (full || changedNeeds > 0 || changedResults > 0) {
        await tx.$executeRawUnsafe(`DELETE FROM "MonitorNodeHistogram"`);
        await tx.$executeRawUnsafe(HISTOGRAM_SQL);
      }

      const ms = Math.round(performance.now() - started);
      await tx.monitorRefreshState.upsert({
        where: { key: STATE_KEY },
        create: { key: STATE_KEY, watermark: now, lastRunAt: now, lastRunMs: ms, lastChanged: changedNeeds },
        update: { watermark: now, lastRunAt: now, lastRunMs: ms, lastChanged: changedNeeds },
      });
      return { changedNeeds, changedResults, months, ms, full };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  // Pages of this process read the new aggregates at once (others within the stamp's TTL).
  aggregatesChanged();
  return report;
}

type Tx = { $executeRawUnsafe: (sql: string, ...values: unknown[]) => Promise<number> };

async function addMonthsOfFacts(tx: Tx) {
  await tx.$executeRawUnsafe(
    `INSERT INTO _mon_months
       SELECT DISTINCT date_trunc('month', t) FROM "MonitorNeedFact" f
       CROSS JOIN LATERAL (VALUES (f."postedAt"), (f."firstMatchAt"), (f."firstContactAt"), (f."contractAt"), (f."endedAt"), (f."leftUnmetAt")) AS v(t)
       WHERE f."needId" IN (SELECT "needId" FROM _mon_changed) AND t IS NOT NULL
     ON CONFLICT DO NOTHING`,
  );
}

// $1 = GOOD_MATCH_THRESHOLD, $2 = now (refreshedAt)
const NEED_FACTS_SQL = `
INSERT INTO "MonitorNeedFact" ("needId", "chainNodeId", "chainId", region, "orgKind", visibility, "postedAt", "trlTarget",
  "firstMatchAt", "firstContactAt", introductions, "contractAt", "contractValueCny", "endedAt", solved, "leftUnmetAt", "activeDeal", "refreshedAt")
SELECT x.*, LEAST(x."firstMatchAt", x."firstContactAt", x."endedAt"), x2.active, $2::timestamp
FROM (
  SELECT n.id, COALESCE(n."chainNodeId", ''), COALESCE(cn."chainId", ''), COALESCE(n.region, o.region, ''), o.kind, n.visibility,
    n."publishedAt", n."trlTarget",
    LEAST(prev."firstMatchAt", snap.at, intro.first_intro) AS "firstMatchAt",
    intro.first_contact AS "firstContactAt",
    COALESCE(intro.n, 0)::int,
    intro.contract_at,
    COALESCE(intro.value, 0)::bigint,
    CASE
      WHEN intro.contract_at IS NOT NULL THEN LEAST(intro.contract_at, CASE WHEN n.status IN ('SOLVED', 'EXPIRED', 'CLOSED') THEN n."updatedAt" END)
      WHEN n.status IN ('SOLVED', 'EXPIRED', 'CLOSED') THEN n."updatedAt"
    END AS "endedAt",
    (n.status = 'SOLVED' OR intro.contract_at IS NOT NULL) AS solved
  FROM "Need" n
  JOIN "Organisation" o ON o.id = n."organisationId"
  LEFT JOIN "ChainNode" cn ON cn.id = n."chainNodeId"
  LEFT JOIN _mon_prev prev ON prev."needId" = n.id
  LEFT JOIN LATERAL (
    SELECT s."computedAt" AS at FROM "NeedMatchSnapshot" s
    WHERE s."needId" = n.id AND jsonb_typeof(s.matches) = 'array' AND (s.matches->0->>'score')::float >= $1
  ) snap ON true
  LEFT JOIN LATERAL (
    SELECT count(*) AS n,
      min(i."createdAt") AS first_intro,
      min(COALESCE(
        (SELECT min(e.at) FROM "DealEvent" e WHERE e."introductionId" = i.id AND e."toState" NOT IN ('SUGGESTED', 'DECLINED', 'STALLED')),
        CASE WHEN i.state NOT IN ('SUGGESTED', 'DECLINED') THEN i."createdAt" END)) AS first_contact,
      min(c."signedAt") AS contract_at,
      sum(c."valueCny") AS value
    FROM "Introduction" i LEFT JOIN "Contract" c ON c."introductionId" = i.id
    WHERE i."needId" = n.id
  ) intro ON true
  WHERE n.id IN (SELECT "needId" FROM _mon_changed) AND n."publishedAt" IS NOT NULL AND n.status NOT IN ('DRAFT', 'SUBMITTED')
) x
LEFT JOIN LATERAL (
  SELECT COALESCE(bool_or(i.state NOT IN ('DECLINED', 'STALLED')), false) AS active FROM "Introduction" i WHERE i."needId" = x.id
) x2 ON true`;

// Each branch is one kind of event, bucketed by the month it happened in; only months in
// _mon_months are (re)built.
const MONTH_CUBE_SQL = `
INSERT INTO "MonitorMonthFact" (month, "chainNodeId", region, "orgKind", posted, matched, contacted, contracted, solved, "expiredUnsolved",
  "leftUnmet", "resultsPublished", "contractValueCny", "matchDaysSum", "matchDaysN", "contactDaysSum", "contactDaysN",
  "needTrlSum", "needTrlN", "resultTrlSum", "resultTrlN", "researchersJoined", "instrumentsJoined")
SELECT m, node, region, kind, sum(posted), sum(matched), sum(contacted), sum(contracted), sum(solved), sum(unsolved),
  sum(left_unmet), sum(results), sum(value), sum(match_days), sum(match_n), sum(contact_days), sum(contact_n),
  sum(need_trl), sum(need_trl_n), sum(result_trl), sum(result_trl_n), sum(researchers), sum(instruments)
FROM (
  SELECT date_trunc('month', f."postedAt") m, f."chainNodeId" node, f.region, f."orgKind" kind,
    1 posted, 0 matched, 0 contacted, 0 contracted, 0 solved, 0 unsolved, 0 left_unmet, 0 results, 0::bigint value,
    0::float match_days, 0 match_n, 0::float contact_days, 0 contact_n,
    COALESCE(f."trlTarget", 0) need_trl, CASE WHEN f."trlTarget" IS NULL THEN 0 ELSE 1 END need_trl_n, 0 result_trl, 0 result_trl_n,
    0 researchers, 0 instruments
  FROM "MonitorNeedFact" f
  UNION ALL
  SELECT date_trunc('month', f."firstMatchAt"), f."chainNodeId", f.region, f."orgKind", 0, 1, 0, 0, 0, 0, 0, 0, 0,
    GREATEST(0, extract(epoch FROM f."firstMatchAt" - f."postedAt") / 86400), 1, 0, 0, 0, 0, 0, 0, 0, 0
  FROM "MonitorNeedFact" f WHERE f."firstMatchAt" IS NOT NULL
  UNION ALL
  SELECT date_trunc('month', f."firstContactAt"), f."chainNodeId", f.region, f."orgKind", 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    GREATEST(0, extract(epoch FROM f."firstContactAt" - f."postedAt") / 86400), 1, 0, 0, 0, 0, 0, 0
  FROM "MonitorNeedFact" f WHERE f."firstContactAt" IS NOT NULL
  UNION ALL
  SELECT date_trunc('month', f."contractAt"), f."chainNodeId", f.region, f."orgKind", 0, 0, 0, 1, 0, 0, 0, 0, f."contractValueCny", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM "MonitorNeedFact" f WHERE f."contractAt" IS NOT NULL
  UNION ALL
  SELECT date_trunc('month', f."endedAt"), f."chainNodeId", f.region, f."orgKind", 0, 0, 0, 0,
    CASE WHEN f.solved THEN 1 ELSE 0 END, CASE WHEN f.solved THEN 0 ELSE 1 END, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM "MonitorNeedFact" f WHERE f."endedAt" IS NOT NULL
  UNION ALL
  SELECT date_trunc('month', f."leftUnmetAt"), f."chainNodeId", f.region, f."orgKind", 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM "MonitorNeedFact" f WHERE f."leftUnmetAt" IS NOT NULL
  UNION ALL
  SELECT date_trunc('month', r."createdAt"), COALESCE(r."chainNodeId", ''), COALESCE(o.region, ''), o.kind, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
    COALESCE(r.trl, 0), CASE WHEN r.trl IS NULL THEN 0 ELSE 1 END, 0, 0
  FROM "Result" r JOIN "Organisation" o ON o.id = r."organisationId" WHERE r.status = 'PUBLISHED'
  UNION ALL
  SELECT date_trunc('month', s."joinedAt"), s."chainNodeId", s.region, s."orgKind", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    CASE WHEN s.kind = 'researcher' THEN 1 ELSE 0 END, CASE WHEN s.kind = 'instrument' THEN 1 ELSE 0 END
  FROM "MonitorSupplyFact" s
) ev
WHERE m IN (SELECT m FROM _mon_months)
GROUP BY m, node, region, kind`;

// Supply of a node besides its results (README "Chain monitor"), in MonitorSupplyFact's column order:
// - a researcher (RESEARCHER role) who published a result on the node (joined: their first one),
//   or whose expertise (fields, methods) names the node: a field that contains the node's Chinese
//   or English name, or a field of 3+ characters that the name contains (joined: the profile's update);
// - an ACTIVE instrument of an institution with published results on the node (joined: the later
//   of its listing and the institution's first result there).
const SUPPLY_FACTS_SQL = `
CREATE TEMP TABLE _mon_supply ON COMMIT DROP AS
SELECT node AS "chainNodeId", kind, sid AS "subjectId", min(at) AS "joinedAt", min(region) AS region, min(okind::text)::"OrgKind" AS "orgKind"
FROM (
  SELECT r."chainNodeId" node, 'researcher' kind, u.id sid, r."createdAt" at, COALESCE(o.region, '') region, o.kind okind
  FROM "Result" r JOIN "User" u ON u.id = r."createdById" AND u.role = 'RESEARCHER' JOIN "Organisation" o ON o.id = u."organisationId"
  WHERE r.status = 'PUBLISHED' AND r."chainNodeId" IS NOT NULL
  UNION ALL
  SELECT cn.id, 'researcher', u.id, e."updatedAt", COALESCE(o.region, ''), o.kind
  FROM "ExpertiseProfile" e JOIN "User" u ON u.id = e."userId" AND u.role = 'RESEARCHER' JOIN "Organisation" o ON o.id = u."organisationId"
  JOIN "ChainNode" cn ON EXISTS (
    SELECT 1 FROM unnest(e.fields || e.methods) w
    WHERE strpos(lower(w), lower(cn."nameZh")) > 0 OR strpos(lower(w), lower(cn."nameEn")) > 0
       OR (char_length(w) >= 3 AND (strpos(lower(cn."nameZh"), lower(w)) > 0 OR strpos(lower(cn."nameEn"), lower(w)) > 0)))
  UNION ALL
  SELECT r."chainNodeId", 'instrument', i.id, GREATEST(i."createdAt", min(r."createdAt")), COALESCE(i.region, o.region, ''), o.kind
  FROM "Instrument" i JOIN "Organisation" o ON o.id = i."organisationId"
  JOIN "Result" r ON r."organisationId" = i."organisationId" AND r.status = 'PUBLISHED' AND r."chainNodeId" IS NOT NULL
  WHERE i.status = 'ACTIVE'
  GROUP BY r."chainNodeId", i.id, i."createdAt", i.region, o.region, o.kind
) s
GROUP BY node, kind, sid`;

const HISTOGRAM_SQL = `
INSERT INTO "MonitorNodeHistogram" ("chainNodeId", dimension, bucket, count)
SELECT "chainNodeId", 'needTrl', "trlTarget"::text, count(*)::int FROM "MonitorNeedFact" WHERE "trlTarget" IS NOT NULL AND "chainNodeId" <> '' GROUP BY 1, 3
UNION ALL
SELECT "chainNodeId", 'resultTrl', trl::text, count(*)::int FROM "Result" WHERE status = 'PUBLISHED' AND trl IS NOT NULL AND "chainNodeId" IS NOT NULL GROUP BY 1, 3
UNION ALL
SELECT n."chainNodeId", 'mode', mode::text, count(*)::int
FROM "Need" n JOIN "MonitorNeedFact" f ON f."needId" = n.id CROSS JOIN LATERAL unnest(n."collaborationModes") AS mode
WHERE n."chainNodeId" IS NOT NULL GROUP BY 1, 3`;
