import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/policy";
import type { ExpertiseInput } from "./schemas";

// A researcher's expertise profile: fields, methods, equipment, past industry projects.
export async function getMyExpertise(actor: Actor) {
  authorize(actor, "expertise.edit");
  return prisma.expertiseProfile.findUnique({ where: { userId: actor.id }, select: { fields: true, methods: true, equipment: true, pastProjects: true } });
}

export async function saveMyExpertise(actor: Actor, input: ExpertiseInput): Promise<void> {
  authorize(actor, "expertise.edit");
  const data = { ...input, pastProjects: input.pastProjects ?? null };
  await prisma.expertiseProfile.upsert({ where: { userId: actor.id }, create: { ...data, userId: actor.id }, update: data });
}
