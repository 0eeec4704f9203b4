import "server-only";
import { prisma } from "@/lib/db";
import type { DealState } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy";
import { auditFullRead } from "@/lib/needs/audit-full-read";
import { loadDeal } from "./load-deal";
import { presentDeal, type DealView } from "./present-deal";
import { stalledFrom } from "./transitions";

export type TimelineEntry = {
  id: string;
  from: DealState | null;
  to: DealState;
  at: string;
  actor: string;
  actorSide: "company" | "researcher" | "staff";
  note: string | null;
};
export type ThreadMessage = { id: string; body: string; at: string; sender: string; mine: boolean };
export type DealDetail = { deal: DealView; timeline: TimelineEntry[]; messages: ThreadMessage[] };

// One deal with its timeline and message thread, as the viewer may see them. Until both sides
// accept, a researcher sees the company's people as "the company" (name withheld).
// The deal page shows the need: a full read (its confidential text, or the owner of an ANONYMOUS
// need, to anyone outside the owner organisation) is written to the need's audit log first.
export async function getDeal(actor: Actor, id: string, now = new Date(), ctx: { ip?: string | null } = {}): Promise<DealDetail> {
  const row = await loadDeal(prisma, actor, id, "deal.read");
  const [events, messages] = await Promise.all([
    prisma.dealEvent.findMany({
      where: { introductionId: id },
      orderBy: { at: "asc" },
      include: { actor: { select: { id: true, name: true, role: true, organisationId: true } } },
    }),
    prisma.message.findMany({
      where: { introductionId: id },
      orderBy: { createdAt: "asc" },
      include: { sender: { select: { id: true, name: true, role: true, organisationId: true } } },
    }),
  ]);
  const deal = presentDeal(actor, row, now, row.state === "STALLED" ? stalledFrom(events) : null);
  await auditFullRead(
    prisma,
    actor,
    { ...row.need, full: deal.need.description !== null, ownerShown: deal.company !== null },
    { via: "deal", ip: ctx.ip, detail: { dealId: row.id } },
  );
  const hideCompany = deal.side === "researcher" && !deal.revealed && row.need.visibility !== "PUBLIC";
  const sideOf = (u: { id: string; role: string; organisationId: string | null }) =>
    u.id === row.researcherId ? "researcher" : u.role === "COMPANY" && u.organisationId === row.need.organisationId ? "company" : "staff";
  const nameOf = (u: { id: string; name: string | null; role: string; organisationId: string | null }) =>
    hideCompany && sideOf(u) === "company" ? null : (u.name ?? "");
  return {
    deal,
    timeline: events.map((e) => ({
      id: e.id,
      from: e.fromState,
      to: e.toState,
      at: e.at.toISOString(),
      actor: nameOf(e.actor) ?? "",
      actorSide: sideOf(e.actor),
      note: e.note,
    })),
    messages: messages.map((m) => ({ id: m.id, body: m.body, at: m.createdAt.toISOString(), sender: nameOf(m.sender) ?? "", mine: m.senderId === actor.id })),
  };
}
