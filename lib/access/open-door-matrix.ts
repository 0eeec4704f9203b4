// Issue 14's member actions (the owner's answer to a broker's question, company visits, the needs
// import) x every role and relationship, hostile ones included: anonymous, the need's owner,
// another company, a researcher, the broker who asked (and recorded the visit), another broker,
// a broker whose accreditation was revoked, a platform admin. Through the real server actions
// (action client, policy, services, PostgreSQL); used by authorization-matrix.int.test.ts.
import { answerClarificationAction } from "@/app/[locale]/needs/[id]/clarify-actions";
import { importNeedsAction } from "@/app/[locale]/needs/import/actions";
import { createVisitAction } from "@/app/[locale]/visits/actions";
import { requestClarification } from "@/lib/broker/triage";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import type { Actor } from "@/lib/policy";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { writeStaffRevocation } from "@/lib/staff/write-staff-grant";
import { getMyVisit } from "@/lib/visits/create-visit";
import { createApiUser } from "@/tests/kits/api-test-kit";

export const OPEN_DOOR_ROLES = ["anonymous", "owner", "otherCompany", "researcher", "broker", "otherBroker", "revokedBroker", "admin"] as const;
export type OpenDoorRole = (typeof OPEN_DOOR_ROLES)[number];
export type OpenDoorCast = { actors: Record<OpenDoorRole, Actor | null>; needId: string; visitId: string; ownerOrgId: string };

/** Runs a server action as `who` (the caller sets the session): "ok", or the error's status. */
export type SessionRunner = (who: Actor | null, run: () => Promise<FormState<unknown>>) => Promise<string>;

type Op = { name: string; rules: string[]; run: (c: OpenDoorCast, who: Actor | null, as: SessionRunner) => Promise<string>; expected: string[] };

export async function createOpenDoorCast(): Promise<OpenDoorCast> {
  const owner = await createApiUser("COMPANY");
  const broker = await createApiUser("BROKER");
  const revoked = await createApiUser("BROKER");
  const admin = await createApiUser("ADMIN");
  await prisma.$transaction((tx) => writeStaffRevocation(tx, revoked.actor.id, admin.actor.id, "matrix: revoked"));
  const revokedActor = toActor((await prisma.user.findUniqueOrThrow({ where: { id: revoked.actor.id }, select: actorUserSelect() })) as never);
  const need = await prisma.need.create({
    data: {
      title: `开放矩阵需求 ${Math.random().toString(36).slice(2, 8)}`,
      description: "面向储能电池包的高导热界面材料，导热系数不低于 8 W/mK。",
      field: "新材料",
      status: "PUBLISHED",
      publishedAt: new Date(),
      visibility: "CONFIDENTIAL",
      teaser: "寻找导热材料合作伙伴",
      organisationId: owner.organisationId!,
      createdById: owner.actor.id,
      brokerId: broker.actor.id,
    },
  });
  const visit = await prisma.visit.create({
    data: { brokerId: broker.actor.id, organisationId: owner.organisationId!, visitedOn: new Date(), peopleMet: "王总", notes: "讨论散热问题。" },
  });
  return {
    needId: need.id,
    visitId: visit.id,
    ownerOrgId: owner.organisationId!,
    actors: {
      anonymous: null,
      owner: owner.actor,
      otherCompany: (await createApiUser("COMPANY")).actor,
      researcher: (await createApiUser("RESEARCHER")).actor,
      broker: broker.actor,
      otherBroker: (await createApiUser("BROKER")).actor,
      revokedBroker: revokedActor,
      admin: admin.actor,
    },
  };
}

const service = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return "ok";
  } catch (e) {
    if (isAppError(e)) return String(e.status);
    throw e;
  }
};

const importFile = () => {
  const form = new FormData();
  form.set("mode", "validate");
  form.set(
    "file",
    new File(["title,description,field\n导热材料,储能电池包散热不足，需要导热系数更高的界面材料。,新材料\n"], "needs.csv", { type: "text/csv" }),
  );
  return form;
};

// anonymous owner otherCompany researcher broker otherBroker revokedBroker admin
export const OPEN_DOOR_OPS: Op[] = [
  {
    // A fresh question for every cell: the first answer of the owner must not hide a refusal.
    name: "server action answerClarificationAction (a question of the need's broker)",
    rules: ["need.answerClarification"],
    run: async (c, who, as) => {
      const { id } = await requestClarification(c.actors.broker!, c.needId, "请说明目标导热系数。");
      return as(who, () => answerClarificationAction("zh-CN", null, { needId: c.needId, clarificationId: id, answer: "不低于 8 W/mK。" }));
    },
    expected: ["401", "ok", "404", "404", "404", "404", "401", "404"],
  },
  {
    name: "server action importNeedsAction (check a file)",
    rules: ["need.import"],
    run: (_c, who, as) => as(who, () => importNeedsAction("zh-CN", null, importFile())),
    expected: ["401", "ok", "ok", "403", "ok", "ok", "401", "403"],
  },
  {
    name: "server action createVisitAction (save the visit only)",
    rules: ["visit.create"],
    run: (c, who, as) =>
      as(who, () =>
        createVisitAction("zh-CN", null, { organisationId: c.ownerOrgId, visitedOn: "2026-12-01", peopleMet: "王总", notes: "参观产线。", then: "stay" }),
      ),
    expected: ["401", "403", "403", "403", "ok", "ok", "401", "403"],
  },
  {
    name: "page /needs/new?visit= (getMyVisit: the notes carried into the wizard)",
    rules: ["visit.create"],
    run: (c, who) => (who ? service(() => getMyVisit(who, c.visitId)) : Promise.resolve("401")),
    expected: ["401", "403", "403", "403", "ok", "404", "401", "403"],
  },
];

export async function runOpenDoorMatrix(cast: OpenDoorCast, as: SessionRunner): Promise<{ mismatches: string[]; checked: number }> {
  const mismatches: string[] = [];
  let checked = 0;
  for (const op of OPEN_DOOR_OPS) {
    for (const [i, role] of OPEN_DOOR_ROLES.entries()) {
      const got = await op.run(cast, cast.actors[role], as);
      checked++;
      if (got !== op.expected[i]) mismatches.push(`${op.name} | ${role}: expected ${op.expected[i]}, got ${got}`);
    }
  }
  return { mismatches, checked };
}
