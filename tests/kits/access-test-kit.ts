// Fixtures for the confidentiality integration tests (*.int.test.ts): one organisation's needs at
// every visibility level, and researchers in every access state, all made through the real
// services. Not used by the app.
import { Logger, runOnce } from "graphile-worker";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import type { Visibility } from "@/lib/generated/prisma/enums";
import { taskList } from "@/lib/worker/tasks";
import { createNeed } from "@/lib/needs/create-need";
import { updateNeed } from "@/lib/needs/update-need";
import { decideAccess } from "@/lib/access/decide-access";
import { getCurrentNda } from "@/lib/access/get-nda";
import { requestAccess } from "@/lib/access/request-access";
import { revokeAccess } from "@/lib/access/revoke-access";

export const ROLES = ["anonymous", "owner", "otherCompany", "researcher", "granted", "revoked", "broker", "admin"] as const;
export type RoleName = (typeof ROLES)[number];
export { VISIBILITIES } from "@/lib/validation/enums";

export type Cast = Record<Exclude<RoleName, "anonymous">, ApiUser> & { pending: ApiUser; spare: ApiUser };

export async function createCast(): Promise<Cast> {
  const owner = await createApiUser("COMPANY");
  return {
    owner,
    otherCompany: await createApiUser("COMPANY"),
    researcher: await createApiUser("RESEARCHER"),
    granted: await createApiUser("RESEARCHER"),
    revoked: await createApiUser("RESEARCHER"),
    pending: await createApiUser("RESEARCHER"),
    spare: await createApiUser("RESEARCHER"),
    broker: await createApiUser("BROKER"),
    admin: await createApiUser("ADMIN"),
  };
}

export type NeedFixture = {
  id: string;
  visibility: Visibility;
  grantedRequestId: string;
  revokedRequestId: string;
  pendingRequestId: string;
  spareRequestId: string;
};

const ip = { ip: "198.51.100.7" };

/**
 * A need posted CONFIDENTIAL (so the researchers' access states come from the real request /
 * decide / revoke services), assigned to the broker, then moved to `visibility`.
 */
export async function createNeedFixture(cast: Cast, visibility: Visibility, fields: Record<string, unknown> = {}): Promise<NeedFixture> {
  const { id } = await createNeed(cast.owner.actor, {
    title: `保密需求 ${visibility} ${Math.random().toString(36).slice(2, 8)}`,
    description: "面向动力电池的新型正极材料改性工艺，需要提高循环寿命并降低成本，欢迎合作。",
    field: "新能源",
    keywords: ["正极材料"],
    visibility: "CONFIDENTIAL",
    teaser: "寻找电池材料方向的合作伙伴",
    teaserFields: [],
    collaborationModes: [],
    ...fields,
  } as never);
  await prisma.need.update({ where: { id }, data: { brokerId: cast.broker.actor.id } });
  const nda = await getCurrentNda(cast.researcher.actor, id);
  const ask = (u: ApiUser) => requestAccess(u.actor, id, { ndaVersion: nda.version, acceptNda: true }, ip);
  const [granted, revoked, pending, spare] = [await ask(cast.granted), await ask(cast.revoked), await ask(cast.pending), await ask(cast.spare)];
  for (const r of [granted, revoked, spare]) await decideAccess(cast.owner.actor, r.id, { decision: "APPROVE", reasonCode: "QUALIFIED" }, ip);
  await revokeAccess(cast.owner.actor, revoked.id, { reasonCode: "NO_LONGER_NEEDED" }, ip);
  if (visibility !== "CONFIDENTIAL") await updateNeed(cast.owner.actor, id, { visibility }, ip);
  return { id, visibility, grantedRequestId: granted.id, revokedRequestId: revoked.id, pendingRequestId: pending.id, spareRequestId: spare.id };
}

const quiet = new Logger(() => () => undefined);

/**
 * Runs every queued job (indexing, notifications) to completion, as the worker would; with `only`,
 * just those tasks (the jobs they chain, e.g. matching after indexing, stay queued).
 */
export async function runJobs(only?: readonly (keyof typeof taskList)[]): Promise<void> {
  const tasks = only ? Object.fromEntries(only.map((name) => [name, taskList[name]!])) : taskList;
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList: tasks, noHandleSignals: true, logger: quiet });
}

export const auditCount = (where: { subject?: string; action?: string } = {}) => prisma.auditLog.count({ where });
