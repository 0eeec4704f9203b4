import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { resultScopeFor, type MaybeActor } from "@/lib/policy";
import { presentResult, resultRowInclude, type ResultView } from "./present-result";

export async function getResult(actor: MaybeActor, resultId: string): Promise<ResultView> {
  const row = await prisma.result.findFirst({ where: { AND: [{ id: resultId }, resultScopeFor(actor)] }, include: resultRowInclude });
  if (!row) throw notFound();
  return presentResult(actor, row);
}
