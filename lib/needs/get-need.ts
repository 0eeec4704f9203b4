import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { needScopeFor, type MaybeActor } from "@/lib/policy";
import { needRowInclude, presentNeed, type NeedView } from "./present-need";

export async function getNeed(actor: MaybeActor, needId: string): Promise<NeedView> {
  const row = await prisma.need.findFirst({
    where: { AND: [{ id: needId }, needScopeFor(actor)] },
    include: needRowInclude,
  });
  const view = row ? presentNeed(actor, row) : null;
  if (!view) throw new AppError("NOT_FOUND", "Not found");
  return view;
}
