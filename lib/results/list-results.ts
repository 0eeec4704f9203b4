import "server-only";
import { prisma } from "@/lib/db";
import { resultScopeFor, type MaybeActor } from "@/lib/policy";
import { presentResult, resultRowInclude, type ResultView } from "./present-result";

export async function listResults(actor: MaybeActor, opts: { page?: number; pageSize?: number } = {}): Promise<{ items: ResultView[]; total: number }> {
  const pageSize = Math.min(opts.pageSize ?? 20, 100);
  const page = Math.max(opts.page ?? 1, 1);
  const where = resultScopeFor(actor);
  const [rows, total] = await Promise.all([
    prisma.result.findMany({ where, include: resultRowInclude, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    prisma.result.count({ where }),
  ]);
  return { items: rows.map((r) => presentResult(actor, r)), total };
}
