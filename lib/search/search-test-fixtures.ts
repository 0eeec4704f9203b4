// Fixtures for the search/matching integration tests (*.int.test.ts): a Prisma client on the
// test database and helpers that write real rows. Not used by the app.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

export const uniq = () => randomBytes(4).toString("hex");

export function testDb(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }) });
}

export async function createOrgAndUser(db: PrismaClient, name = `测试机构 ${uniq()}`, region: string | null = "深圳") {
  const org = await db.organisation.create({ data: { name, kind: "COMPANY", region } });
  const user = await db.user.create({ data: { email: `u-${uniq()}@example.cn`, role: "COMPANY", organisationId: org.id } });
  return { org, user };
}

export async function ensureChain(db: PrismaClient, chainId = "t-ev", nodeId = "t-ev-battery") {
  await db.industryChain.upsert({ where: { id: chainId }, update: {}, create: { id: chainId, nameZh: "新能源汽车", nameEn: "New energy vehicles" } });
  await db.chainNode.upsert({
    where: { id: nodeId },
    update: {},
    create: { id: nodeId, chainId, stage: "UPSTREAM", nameZh: "动力电池", nameEn: "Traction batteries" },
  });
  return { chainId, nodeId };
}

type NeedInput = Partial<Prisma.NeedUncheckedCreateInput> & Pick<Prisma.NeedUncheckedCreateInput, "title" | "description">;

export async function createNeed(db: PrismaClient, owner: { orgId: string; userId: string }, data: NeedInput) {
  return db.need.create({
    data: { field: "新能源", keywords: [], organisationId: owner.orgId, createdById: owner.userId, publishedAt: new Date(), ...data },
  });
}

type ResultInput = Partial<Prisma.ResultUncheckedCreateInput> & Pick<Prisma.ResultUncheckedCreateInput, "title" | "summary">;

export async function createResult(db: PrismaClient, owner: { orgId: string; userId: string }, data: ResultInput) {
  return db.result.create({
    data: { field: "materials", keywords: [], organisationId: owner.orgId, createdById: owner.userId, ...data },
  });
}

/**
 * Removes everything an integration test file created for one organisation (rows and their index
 * documents), so later files see only their own data.
 */
export async function removeOrgData(db: PrismaClient, orgId: string) {
  const { syncNeeds, syncResults } = await import("./sync");
  const needs = await db.need.findMany({ where: { organisationId: orgId }, select: { id: true } });
  const results = await db.result.findMany({ where: { organisationId: orgId }, select: { id: true } });
  await db.need.deleteMany({ where: { organisationId: orgId } });
  await db.result.deleteMany({ where: { organisationId: orgId } });
  await db.user.deleteMany({ where: { organisationId: orgId } });
  await db.organisation.deleteMany({ where: { id: orgId } });
  if (needs.length)
    await syncNeeds(
      db,
      needs.map((n) => n.id),
    );
  if (results.length)
    await syncResults(
      db,
      results.map((r) => r.id),
    );
}
