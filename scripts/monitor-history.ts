// Two years of platform activity for the chain monitor's charts (issue 16), for the demo
// (`npm run seed` / `npm run demo`: seedDemoHistory) and for seed:scale (seedActivity over the
// generated needs). Deterministic: every choice is a hash of the row's id, so a re-run inserts
// nothing new (fixed ids, ON CONFLICT DO NOTHING).
//
// What a need gets, decided per need and per chain node (a node's "difficulty" d = hash(node) %
// 60 makes some nodes bottlenecks: fewer good matches, fewer introductions, more expiries):
//   - a match snapshot (best score above or below the matcher's threshold), computed 0-19 days after
//     posting; needVersion 0, so the app recomputes a real one when the need is viewed
//   - an introduction 1-25 days after posting, taken to INTRODUCED a few days later; some of them
//     to a contract 20-80 days after the introduction (value 100k-5M CNY), some declined
//   - needs past 120 days without an introduction partly EXPIRED, needs with an old contract SOLVED
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";

const h = (expr: string, salt: string) => `(abs(hashtext(${expr} || '${salt}')) % 100)`;

/** Activity for the needs whose id starts with `prefix` (published ones only). */
export async function seedActivity(db: PrismaClient, opts: { prefix: string; researcherId: string; brokerId: string | null; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const like = `${opts.prefix}%`;
  const difficulty = `(abs(hashtext(COALESCE(n."chainNodeId", ''))) % 60)`;
  await db.$executeRawUnsafe(
    `INSERT INTO "NeedMatchSnapshot" ("needId", "needVersion", "computedAt", matches, researchers)
     SELECT n.id, 0, LEAST($2::timestamp, n."publishedAt" + (${h("n.id", "md")} % 20) * interval '1 day'),
       jsonb_build_array(jsonb_build_object('id', 'history', 'kind', 'result', 'score',
         CASE WHEN ${h("n.id", "m")} < 85 - ${difficulty} THEN 0.22 + ${h("n.id", "s")} / 200.0 ELSE 0.04 + ${h("n.id", "s")} / 1000.0 END)),
       '[]'::jsonb
     FROM "Need" n WHERE n.id LIKE $1 AND n."publishedAt" IS NOT NULL AND ${h("n.id", "hasSnap")} < 80
     ON CONFLICT ("needId") DO NOTHING`,
    like,
    now,
  );
  // Introductions (one per need), with the moment of a contract planned from the same hashes.
  await db.$executeRawUnsafe(
    `WITH plan AS (
       SELECT n.id AS "needId", n."publishedAt" + (1 + ${h("n.id", "id")} % 25) * interval '1 day' AS created,
         ${h("n.id", "c")} < 45 - ${difficulty} / 2 AS contract,
         ${h("n.id", "x")} < 15 AS declined
       FROM "Need" n WHERE n.id LIKE $1 AND n."publishedAt" IS NOT NULL AND ${h("n.id", "i")} < 70 - ${difficulty} / 2
     )
     INSERT INTO "Introduction" (id, "needId", "researcherId", "brokerId", state, "createdAt", "updatedAt", "companyAcceptedAt", "researcherAcceptedAt")
     SELECT 'hist-i-' || "needId", "needId", $3, $4,
       (CASE WHEN contract AND created + interval '60 days' < $2::timestamp THEN 'CONTRACT_SIGNED'
             WHEN declined THEN 'DECLINED'
             ELSE 'INTRODUCED' END)::"DealState",
       created, created, created + interval '2 days', created + interval '3 days'
     FROM plan WHERE created < $2::timestamp
     ON CONFLICT DO NOTHING`,
    like,
    now,
    opts.researcherId,
    opts.brokerId,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "DealEvent" (id, "introductionId", "fromState", "toState", "actorId", at)
     SELECT 'hist-e-' || i.id, i.id, 'SUGGESTED', 'INTRODUCED', COALESCE(i."brokerId", i."researcherId"), i."createdAt" + (${h("i.id", "e")} % 6) * interval '1 day'
     FROM "Introduction" i WHERE i.id LIKE 'hist-i-' || $1
     ON CONFLICT DO NOTHING`,
    like,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Contract" (id, "introductionId", mode, "valueCny", "signedAt")
     SELECT 'hist-c-' || i.id, i.id, 'LICENCE', (100000 + ${h("i.id", "v")} * 50000)::int, i."createdAt" + (20 + ${h("i.id", "d")} % 40) * interval '1 day'
     FROM "Introduction" i WHERE i.id LIKE 'hist-i-' || $1 AND i.state = 'CONTRACT_SIGNED'
     ON CONFLICT DO NOTHING`,
    like,
  );
  // Needs' outcomes: an old contract solves the need; an old need nobody took up may expire.
  await db.$executeRawUnsafe(
    `UPDATE "Need" n SET status = 'SOLVED', "updatedAt" = c."signedAt" + interval '30 days'
     FROM "Introduction" i JOIN "Contract" c ON c."introductionId" = i.id
     WHERE i."needId" = n.id AND n.id LIKE $1 AND c."signedAt" + interval '30 days' < $2::timestamp AND n.status IN ('PUBLISHED', 'IN_PROGRESS')`,
    like,
    now,
  );
  await db.$executeRawUnsafe(
    `UPDATE "Need" n SET status = 'IN_PROGRESS'
     WHERE n.id LIKE $1 AND n.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "Introduction" i WHERE i."needId" = n.id AND i.state <> 'DECLINED')`,
    like,
  );
  await db.$executeRawUnsafe(
    `UPDATE "Need" n SET status = 'EXPIRED', "updatedAt" = n."publishedAt" + interval '90 days'
     WHERE n.id LIKE $1 AND n.status = 'PUBLISHED' AND n."publishedAt" + interval '120 days' < $2::timestamp
       AND NOT EXISTS (SELECT 1 FROM "Introduction" i WHERE i."needId" = n.id) AND ${h("n.id", "exp")} < 55`,
    like,
    now,
  );
  // Brokers triaged the history as it came in (within a few days), so their queue of new needs
  // holds the recent ones only, not two years of generated needs.
  await db.$executeRawUnsafe(
    `UPDATE "Need" n SET "triageStatus" = 'READY', "triagedAt" = n."publishedAt" + (1 + ${h("n.id", "tr")} % 5) * interval '1 day'
     WHERE n.id LIKE $1 AND n."triageStatus" = 'NEW' AND n."publishedAt" + interval '14 days' < $2::timestamp`,
    like,
    now,
  );
  // Open needs stay open in the demo: their re-confirmation is due in the future.
  await db.$executeRawUnsafe(
    `UPDATE "Need" SET "reconfirmBy" = $2::timestamp + interval '60 days' WHERE id LIKE $1 AND status IN ('PUBLISHED', 'IN_PROGRESS') AND "reconfirmBy" IS NOT NULL`,
    like,
    now,
  );
}

/** A history need's id. Search documents take only [A-Za-z0-9_-] ids, and chain node ids carry dots. */
export const historyNeedId = (nodeId: string, monthsAgo: number, j: number) => `hist-n-${nodeId.replace(/[^A-Za-z0-9_-]/g, "-")}-${monthsAgo}-${j}`;

/**
 * The demo's history: about 1,200 needs over the last 24 months, posted by the demo companies on
 * every chain node, at a rate that rises on some nodes and falls on others, then their activity.
 */
export async function seedDemoHistory(
  db: PrismaClient,
  opts: { companies: { orgId: string; userId: string }[]; researcherId: string; brokerId: string; now?: Date },
) {
  const now = opts.now ?? new Date();
  const nodes = await db.chainNode.findMany({ select: { id: true, nameZh: true, nameEn: true }, orderBy: { id: "asc" } });
  const rows: Prisma.NeedCreateManyInput[] = [];
  let seed = 20261205;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const MONTHS = 24;
  const subjects = ["工艺优化", "可靠性提升", "国产替代", "检测方法", "成本降低", "关键材料", "核心部件", "测试验证"];
  nodes.forEach((node, k) => {
    const base = 0.25 + ((k * 37) % 10) / 12; // needs per month at the start
    const shape = k % 4; // 0 rising, 1 falling, 2-3 flat
    for (let m = MONTHS - 1; m >= 0; m--) {
      const progress = (MONTHS - 1 - m) / (MONTHS - 1);
      const rate = base * (shape === 0 ? 0.4 + 2.2 * progress : shape === 1 ? 1.6 - 1.2 * progress : 1);
      let count = Math.floor(rate);
      if (rand() < rate - count) count++;
      for (let j = 0; j < count; j++) {
        const c = opts.companies[(k + m + j) % opts.companies.length]!;
        const published = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 1 + Math.floor(rand() * 27), 9, 0, 0));
        if (published > now) continue;
        const vis = rand();
        rows.push({
          id: historyNeedId(node.id, m, j),
          title: `${node.nameZh}${subjects[(k + j + m) % subjects.length]}需求（${published.getUTCFullYear()}年${published.getUTCMonth() + 1}月）`,
          description: `${node.nameZh}环节的技术需求（演示历史数据）。`,
          field: node.nameZh,
          keywords: [node.nameZh],
          visibility: vis < 0.7 ? "PUBLIC" : vis < 0.85 ? "ANONYMOUS" : vis < 0.97 ? "CONFIDENTIAL" : "BROKER_ONLY",
          status: "PUBLISHED",
          trlTarget: 4 + Math.floor(rand() * 5),
          collaborationModes: [(["LICENCE", "CO_DEVELOPMENT", "COMMISSIONED_RD", "TECHNICAL_SERVICE"] as const)[(k + j) % 4]!],
          chainNodeId: node.id,
          organisationId: c.orgId,
          createdById: c.userId,
          createdAt: published,
          publishedAt: published,
          updatedAt: published,
          reconfirmBy: new Date(published.getTime() + 90 * 86_400_000),
        });
      }
    }
  });
  await db.need.createMany({ data: rows, skipDuplicates: true });
  await seedActivity(db, { prefix: "hist-n-", researcherId: opts.researcherId, brokerId: opts.brokerId, now });
  return rows.length;
}
