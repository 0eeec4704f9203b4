import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findNeedRow } from "@/lib/needs/get-need";
import { needFactsOf } from "@/lib/needs/present-need";
import { notifyUser } from "@/lib/notifications/notify";
import { authorize, can, type Actor } from "@/lib/policy";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { contactFactsOf, contactTitleOf, findContactForParty, ownerRecipients, type ContactRow } from "./load-contact";
import type { ContactMessageInput } from "./schemas";

export type ContactView = {
  id: string;
  kind: "NEED_OFFER" | "RESULT_INTEREST";
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "EXPIRED";
  target: { type: "need" | "result"; id: string; title: string };
  message: string;
  createdAt: string;
  respondBy: string;
  decidedAt: string | null;
  declineReason: string | null;
  viewerSide: "sender" | "owner";
  canDecide: boolean;
  canMessage: boolean;
  /** Who wrote: always shown to the owner (the sender chose to write to them). */
  sender: { name: string; organisation: string | null };
  /** The owner organisation's name, as the need's visibility allows this viewer (null: masked). */
  ownerName: string | null;
  messages: { id: string; body: string; createdAt: string; mine: boolean; side: "sender" | "owner"; senderLabel: string | null }[];
};

/** One contact request with its thread, for a party to it (404 for anyone else). */
export async function getContact(actor: Actor, contactId: string): Promise<ContactView> {
  const row = await findContactForParty(prisma, actor, contactId);
  if (!row) throw new AppError("NOT_FOUND", { key: "notFound" });
  const facts = contactFactsOf(row);
  authorize(actor, "contact.read", facts);
  const rows = await prisma.message.findMany({
    where: { contactId: row.id },
    orderBy: { createdAt: "asc" },
    include: { sender: { select: { id: true, name: true, email: true } } },
  });
  const viewerSide = row.senderId === actor.id ? "sender" : "owner";
  const ownerName = await ownerNameFor(actor, row, viewerSide);
  const senderName = row.sender.name ?? row.sender.email;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    target: row.need ? { type: "need", id: row.need.id, title: row.need.title } : { type: "result", id: row.result!.id, title: row.result!.title },
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    respondBy: row.respondBy.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    declineReason: row.declineReason,
    viewerSide,
    canDecide: can(actor, "contact.decide", facts) && row.status === "PENDING",
    canMessage: can(actor, "contact.message", facts),
    sender: { name: senderName, organisation: row.sender.organisation?.name ?? null },
    ownerName,
    messages: rows.map((m) => {
      const side = m.senderId === row.senderId ? "sender" : "owner";
      const label = side === "sender" ? senderName : viewerSide === "owner" ? (m.sender.name ?? m.sender.email) : ownerName;
      return { id: m.id, body: m.body, createdAt: m.createdAt.toISOString(), mine: m.senderId === actor.id, side, senderLabel: label };
    }),
  };
}

// The sender learns who owns a need only as need.seeOwner allows them (a PUBLIC need, or after a
// reveal); a result's institution is public. The owner side sees its own name.
async function ownerNameFor(actor: Actor, row: ContactRow, side: "sender" | "owner"): Promise<string | null> {
  const orgId = row.ownerOrganisationId;
  if (side === "sender" && row.needId) {
    const need = await findNeedRow(actor, row.needId);
    if (!need || !can(actor, "need.seeOwner", needFactsOf(need))) return null;
    return need.organisation.name;
  }
  const org = await prisma.organisation.findUnique({ where: { id: orgId }, select: { name: true } });
  return org?.name ?? null;
}

/** A message in an accepted request's thread; the other side is notified. Rate limited. */
export async function postContactMessage(actor: Actor, input: ContactMessageInput, ctx: { ip: string | null }): Promise<{ id: string }> {
  await consumeRateLimit("message", { ip: ctx.ip, account: actor.id });
  return prisma.$transaction(async (tx) => {
    const row = await findContactForParty(tx, actor, input.contactId);
    if (!row) throw new AppError("NOT_FOUND", { key: "notFound" });
    authorize(actor, "contact.message", contactFactsOf(row));
    const message = await tx.message.create({ data: { contactId: row.id, senderId: actor.id, body: input.body }, select: { id: true } });
    const recipients = actor.id === row.senderId ? await ownerRecipients(tx, row) : [row.senderId];
    for (const userId of recipients.filter((id) => id !== actor.id)) {
      await notifyUser(tx, {
        userId,
        kind: "contact.message",
        params: { title: contactTitleOf(row) },
        link: `/contacts/${row.id}`,
        dedupeKey: `contact:${row.id}:message:${message.id}`,
      });
    }
    return message;
  });
}

export type ContactSummary = {
  id: string;
  status: ContactView["status"];
  target: ContactView["target"];
  side: "sender" | "owner";
  counterpart: string | null;
  createdAt: string;
  respondBy: string;
};

/** The actor's contact requests: received by their organisation, and sent by them. */
export async function listContacts(actor: Actor): Promise<{ received: ContactSummary[]; sent: ContactSummary[] }> {
  authorize(actor, "contact.list");
  const include = {
    need: { select: { id: true, title: true } },
    result: { select: { id: true, title: true } },
    sender: { select: { name: true, email: true, organisation: { select: { name: true } } } },
  } as const;
  const [received, sent] = await Promise.all([
    actor.organisationId
      ? prisma.contactRequest.findMany({ where: { ownerOrganisationId: actor.organisationId }, include, orderBy: { createdAt: "desc" }, take: 100 })
      : [],
    prisma.contactRequest.findMany({ where: { senderId: actor.id }, include, orderBy: { createdAt: "desc" }, take: 100 }),
  ]);
  const summary =
    (side: "sender" | "owner") =>
    (r: (typeof sent)[number]): ContactSummary => ({
      id: r.id,
      status: r.status,
      target: r.need ? { type: "need", id: r.need.id, title: r.need.title } : { type: "result", id: r.result!.id, title: r.result!.title },
      side,
      counterpart: side === "owner" ? (r.sender.name ?? r.sender.email) : null,
      createdAt: r.createdAt.toISOString(),
      respondBy: r.respondBy.toISOString(),
    });
  // Members of the owner organisation who are not a market member (none today) see nothing received.
  const mayDecide = actor.role === "COMPANY" || actor.role === "RESEARCHER";
  return { received: mayDecide ? received.map(summary("owner")) : [], sent: sent.map(summary("sender")) };
}

/** The actor's own request on a need or result (to show "you wrote on ..." instead of the form). */
export async function findOwnContact(
  actor: Actor | null,
  target: { needId?: string; resultId?: string },
): Promise<{ id: string; status: ContactView["status"] } | null> {
  if (!actor) return null;
  return prisma.contactRequest.findFirst({ where: { senderId: actor.id, ...target }, select: { id: true, status: true } });
}
