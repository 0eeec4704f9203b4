import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type MaybeActor } from "@/lib/policy";
import type { ExpertiseInput } from "./schemas";

export type ExpertiseView = { fields: string[]; methods: string[]; equipment: string[]; pastProjects: string | null; updatedAt: string | null };

export async function getMyExpertise(actor: MaybeActor): Promise<ExpertiseView> {
  authorize(actor, "expertise.update");
  const p = await prisma.expertiseProfile.findUnique({ where: { userId: actor.id } });
  return p
    ? { fields: p.fields, methods: p.methods, equipment: p.equipment, pastProjects: p.pastProjects, updatedAt: p.updatedAt.toISOString() }
    : { fields: [], methods: [], equipment: [], pastProjects: null, updatedAt: null };
}

export async function saveMyExpertise(actor: MaybeActor, input: ExpertiseInput): Promise<void> {
  authorize(actor, "expertise.update");
  const data = { fields: input.fields, methods: input.methods, equipment: input.equipment, pastProjects: input.pastProjects ?? null };
  await prisma.expertiseProfile.upsert({ where: { userId: actor.id }, create: { userId: actor.id, ...data }, update: data });
}
