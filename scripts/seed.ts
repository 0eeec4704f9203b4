// npm run seed: the industry-chain taxonomy (always upserted) and the demo content (inserted once,
// only into a database without organisations). DATABASE_URL selects the database.
//
// Deliberately independent of lib/db.ts and lib/env.ts (they validate the whole app environment):
// it opens its own client with @prisma/adapter-pg. The search index is not touched: `npm run
// reindex` (run by `npm run demo` after seeding) rebuilds it from the database.
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/auth/password";
import { isStaffRole } from "../lib/staff/roles";
import { publishMetrics } from "../lib/monitor/published-metrics";
import { refreshMonitorAggregates } from "../lib/monitor/refresh-aggregates";
import { seedDemoHistory } from "./monitor-history";
import { creditCodeCheckChar } from "../lib/orgs/registration-code";
import { writeStaffGrant } from "../lib/staff/write-staff-grant";
import { taxonomy } from "../prisma/data/taxonomy";
import { DEMO_PASSWORD, demoAccounts, needs, orgAdminId, organisations, results, users } from "../prisma/data/demo/index";
import { buildInstrumentDemoRows } from "../prisma/data/demo/instruments";
import { seedDemoChallenges } from "../prisma/data/demo/challenges";

export { DEMO_PASSWORD, demoAccounts };

const DAY = 24 * 60 * 60 * 1000;
// Serialises concurrent seeds (two `npm run seed` at once) on the "is the database empty?" check.
const DEMO_LOCK_KEY = 727_011_2026;

export interface TaxonomyCounts {
  industryChains: number;
  chainNodes: number;
  /** Nodes removed from taxonomy.json but kept because needs or results still point at them. */
  staleChainNodesKept: number;
}

/**
 * Upserts every chain and node of prisma/data/taxonomy.json in one transaction, and deletes
 * nodes (and then chains) that the file no longer lists, unless content still refers to them.
 * Accepts a client or a database URL (then it opens and closes its own client).
 */
export async function seedTaxonomy(db: PrismaClient | string): Promise<TaxonomyCounts> {
  if (typeof db === "string") {
    const prisma = createClient(db);
    try {
      return await seedTaxonomy(prisma);
    } finally {
      await prisma.$disconnect();
    }
  }
  const chains = taxonomy.chains.map((c, sort) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn, sort }));
  const nodes = taxonomy.chains.flatMap((c) =>
    c.nodes.map((n, sort) => ({ id: n.id, chainId: c.id, stage: n.stage, nameZh: n.nameZh, nameEn: n.nameEn, sort })),
  );
  const chainIds = chains.map((c) => c.id);
  const nodeIds = nodes.map((n) => n.id);
  // An upsert per row costs a round trip each; instead read what is there, insert what is
  // missing in one statement, and update only the rows whose content changed (usually none).
  const differs = <T extends object>(want: T, have: T | undefined) => have !== undefined && (Object.keys(want) as (keyof T)[]).some((k) => want[k] !== have[k]);
  return db.$transaction(
    async (tx) => {
      const haveChains = new Map((await tx.industryChain.findMany()).map((c) => [c.id, c]));
      await tx.industryChain.createMany({ data: chains.filter((c) => !haveChains.has(c.id)), skipDuplicates: true });
      for (const { id, ...data } of chains.filter((c) => differs(c, haveChains.get(c.id)))) {
        await tx.industryChain.update({ where: { id }, data });
      }
      const haveNodes = new Map((await tx.chainNode.findMany()).map((n) => [n.id, n]));
      await tx.chainNode.createMany({ data: nodes.filter((n) => !haveNodes.has(n.id)), skipDuplicates: true });
      for (const { id, ...data } of nodes.filter((n) => differs(n, haveNodes.get(n.id)))) {
        await tx.chainNode.update({ where: { id }, data });
      }
      // Never delete a node that content points at: the relation would silently be set to null.
      await tx.chainNode.deleteMany({
        where: { id: { notIn: nodeIds }, needs: { none: {} }, results: { none: {} } },
      });
      const staleChainNodesKept = await tx.chainNode.count({ where: { id: { notIn: nodeIds } } });
      await tx.industryChain.deleteMany({ where: { id: { notIn: chainIds }, nodes: { none: {} } } });
      return { industryChains: chainIds.length, chainNodes: nodeIds.length, staleChainNodesKept };
    },
    { timeout: 180_000, maxWait: 20_000 },
  );
}

/** Spreads creation dates over the past weeks so lists and "newest first" look like real use. */
function daysAgo(now: number, days: number, index: number): Date {
  return new Date(now - days * DAY - ((index * 7919) % 600) * 60 * 1000);
}

/** A fictitious code of the right format (credit code with a correct check character; 学校标识码). */
function demoRegistrationCode(kind: string, index: number): string {
  if (kind === "UNIVERSITY") return `4144${String(10000 + index).padStart(6, "0")}`;
  const first17 = `91440300MA5${String(index).padStart(6, "0")}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** The demo content as Prisma createMany rows. */
export function buildDemoRows(passwordHash: string, now = Date.now()) {
  const orgRegion = new Map(organisations.map((o) => [o.id, o.region]));
  const orgCreated = daysAgo(now, 200, 0);

  const organisationRows: Prisma.OrganisationCreateManyInput[] = organisations.map((o, i) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    region: o.region,
    // The demo's organisations count as verified, with made-up codes that pass the checks.
    registrationCode: demoRegistrationCode(o.kind, i),
    verifiedAt: orgCreated,
    createdAt: orgCreated,
  }));

  const userRows: Prisma.UserCreateManyInput[] = users.map((u, i) => {
    const createdAt = daysAgo(now, 180 - i * 3, i);
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      passwordHash,
      emailVerified: createdAt,
      role: u.role,
      locale: u.locale,
      organisationId: u.organisationId,
      isOrgAdmin: u.isOrgAdmin,
      createdAt,
    };
  });

  // Needs published over the last ~75 days, results over the last ~120 (results tend to be older).
  const needRows: Prisma.NeedCreateManyInput[] = needs.map((n, i) => {
    const createdAt = daysAgo(now, 1 + ((i * 37) % 75), i);
    return {
      id: n.id,
      title: n.title,
      description: n.description,
      field: n.field,
      keywords: n.keywords,
      lang: n.lang,
      visibility: n.visibility ?? "PUBLIC",
      teaser: n.teaser ?? null,
      status: "PUBLISHED",
      trlTarget: n.trlTarget,
      budgetMinCny: n.budgetMinCny,
      budgetMaxCny: n.budgetMaxCny,
      collaborationModes: n.collaborationModes,
      region: n.region ?? orgRegion.get(n.org) ?? null,
      chainNodeId: n.chainNodeId,
      organisationId: n.org,
      createdById: n.author ?? orgAdminId(n.org),
      brokerId: n.broker ?? null,
      publishedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    };
  });

  const resultRows: Prisma.ResultCreateManyInput[] = results.map((r, i) => {
    const createdAt = daysAgo(now, 2 + ((i * 53) % 120), i);
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      description: r.description,
      field: r.field,
      keywords: r.keywords,
      lang: r.lang,
      status: "PUBLISHED",
      trl: r.trl,
      transferModes: r.transferModes,
      externalId: r.externalId ?? null,
      chainNodeId: r.chainNodeId,
      organisationId: r.org,
      createdById: r.author ?? orgAdminId(r.org),
      createdAt,
      updatedAt: createdAt,
    };
  });

  return { organisationRows, userRows, needRows, resultRows };
}

/**
 * Upserts the taxonomy, then inserts the demo organisations, users, needs and results, but only
 * if the database has no organisation yet (a second run keeps what the first created, and never
 * mixes demo data into a database that holds real data). The demo content is one transaction:
 * either all of it lands or none of it does.
 */
export async function seedDemo(prisma: PrismaClient): Promise<{ created: boolean; counts: Record<string, number> }> {
  const taxonomyCounts = await seedTaxonomy(prisma);
  const counts: Record<string, number> = { ...taxonomyCounts, organisations: 0, users: 0, needs: 0, results: 0, challenges: 0 };

  if ((await prisma.organisation.count()) > 0) return { created: false, counts };

  const rows = buildDemoRows(await hashPassword(DEMO_PASSWORD));
  const created = await prisma.$transaction(
    async (tx) => {
      // Re-check under a lock: another seed may have filled the database meanwhile.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`;
      if ((await tx.organisation.count()) > 0) return false;
      counts.organisations = (await tx.organisation.createMany({ data: rows.organisationRows })).count;
      counts.users = (await tx.user.createMany({ data: rows.userRows })).count;
      // Staff roles exist only with a grant (lib/staff): the demo's brokers and admin get theirs
      // the operator's way, brokers with a (fictitious) accreditation.
      for (const u of rows.userRows) {
        if (!isStaffRole(u.role)) continue;
        const accreditation =
          u.role === "BROKER"
            ? { certificateNo: `深技经 2026-${u.id}`, certificateIssuer: "深圳市技术市场促进会（演示）", validUntil: new Date("2030-12-31T23:59:59.999+08:00") }
            : {};
        await writeStaffGrant(tx, u.id!, null, { role: u.role, reason: "demo account (npm run seed)", ...accreditation });
      }
      counts.needs = (await tx.need.createMany({ data: rows.needRows })).count;
      counts.results = (await tx.result.createMany({ data: rows.resultRows })).count;
      // Shared instruments of three institutions with half a year of bookings (issue 17); the
      // instruments index is built by `npm run reindex` / `npm run demo` like the others.
      const instrumentRows = buildInstrumentDemoRows();
      counts.instruments = (await tx.instrument.createMany({ data: instrumentRows.instrumentRows })).count;
      await tx.instrumentClosure.createMany({ data: instrumentRows.closureRows });
      await tx.institutionPartner.createMany({ data: instrumentRows.partnerRows });
      counts.instrumentBookings = (await tx.instrumentBooking.createMany({ data: instrumentRows.bookingRows })).count;
      counts.challenges = await seedDemoChallenges(tx, new Date());
      return true;
    },
    { timeout: 180_000, maxWait: 20_000 },
  );
  if (!created) Object.assign(counts, { organisations: 0, users: 0, needs: 0, results: 0, instruments: 0, instrumentBookings: 0, challenges: 0 });
  if (created) {
    // Two years of history for the chain monitor's charts, then its aggregates and public metrics.
    const companies = rows.userRows.filter((u) => u.role === "COMPANY" && u.isOrgAdmin).map((u) => ({ orgId: u.organisationId!, userId: u.id! }));
    counts.historyNeeds = await seedDemoHistory(prisma, { companies, researcherId: "user-researcher", brokerId: "user-broker" });
    await refreshMonitorAggregates(prisma, { full: true });
    await publishMetrics(prisma);
  }
  return { created, counts };
}

function createClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: 5_000 }) });
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/techbridge).");
    return 2;
  }
  const started = performance.now();
  const prisma = createClient(url);
  try {
    const { created, counts } = await seedDemo(prisma);
    const ms = Math.round(performance.now() - started);
    console.log(
      `Taxonomy: ${counts.industryChains} chains, ${counts.chainNodes} nodes upserted` +
        (counts.staleChainNodesKept ? `; kept ${counts.staleChainNodesKept} node(s) no longer in taxonomy.json because content refers to them` : "") +
        ".",
    );
    console.log(
      created
        ? `Demo data created: ${counts.organisations} organisations, ${counts.users} users, ${counts.needs} needs, ${counts.results} results, ${counts.challenges} challenges.`
        : "Demo data skipped: the database already has organisations.",
    );
    console.log(`Seed done in ${ms} ms.`);
    if (created) console.log(`Demo accounts (password ${DEMO_PASSWORD}): ${demoAccounts.map((a) => a.email).join(", ")}`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
