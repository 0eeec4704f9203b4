import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, can, type Actor, type MaybeActor } from "@/lib/policy";
import { findNeedRow } from "@/lib/needs/get-need";
import { needFactsOf } from "@/lib/needs/present-need";

export type AccessRequestStatus = "PENDING" | "APPROVED" | "DECLINED" | "REVOKED";

export type OwnerAccessRequestView = {
  id: string;
  status: AccessRequestStatus;
  /** APPROVED, not revoked and not expired now */
  live: boolean;
  reasonCode: string | null;
  createdAt: string;
  decidedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  requester: { id: string; name: string | null; email: string; organisation: string | null };
  nda: { version: number; textSha256: string; acceptedAt: string | null; ip: string | null };
};

export type OwnAccessRequestView = {
  id: string;
  status: AccessRequestStatus;
  live: boolean;
  reasonCode: string | null;
  expiresAt: string | null;
  ndaVersion: number;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isLive = (r: { status: string; revokedAt: Date | null; expiresAt: Date | null }, now: Date) =>
  r.status === "APPROVED" && !r.revokedAt && !!r.expiresAt && r.expiresAt > now;

// The requests on one need, for its owner or the broker acting for them.
export async function listNeedAccessRequests(actor: Actor, needId: string): Promise<OwnerAccessRequestView[]> {
  const row = await findNeedRow(actor, needId);
  if (!row) throw notFound();
  authorize(actor, "need.manageAccess", needFactsOf(row));
  const now = new Date();
  const requests = await prisma.accessRequest.findMany({
    where: { needId: row.id },
    orderBy: { createdAt: "desc" },
    include: {
      requester: { select: { id: true, name: true, email: true, organisation: { select: { name: true } } } },
      nda: { select: { version: true, textSha256: true, acceptances: { select: { userId: true, acceptedAt: true, ip: true } } } },
    },
  });
  return requests.map((r) => {
    const acceptance = r.nda.acceptances.find((a) => a.userId === r.requesterId);
    return {
      id: r.id,
      status: r.status,
      live: isLive(r, now),
      reasonCode: r.reasonCode,
      createdAt: r.createdAt.toISOString(),
      decidedAt: iso(r.decidedAt),
      expiresAt: iso(r.expiresAt),
      revokedAt: iso(r.revokedAt),
      requester: { id: r.requester.id, name: r.requester.name, email: r.requester.email, organisation: r.requester.organisation?.name ?? null },
      nda: { version: r.nda.version, textSha256: r.nda.textSha256, acceptedAt: iso(acceptance?.acceptedAt ?? null), ip: acceptance?.ip ?? null },
    };
  });
}

// The viewer's own request on a need (null when they never asked).
export async function getOwnAccessRequest(actor: MaybeActor, needId: string): Promise<OwnAccessRequestView | null> {
  if (!actor) return null;
  const row = await findNeedRow(actor, needId);
  if (!row || !can(actor, "need.discover", needFactsOf(row))) throw notFound();
  const r = await prisma.accessRequest.findUnique({
    where: { needId_requesterId: { needId: row.id, requesterId: actor.id } },
    select: { id: true, status: true, reasonCode: true, expiresAt: true, revokedAt: true, nda: { select: { version: true } } },
  });
  if (!r) return null;
  return { id: r.id, status: r.status, live: isLive(r, new Date()), reasonCode: r.reasonCode, expiresAt: iso(r.expiresAt), ndaVersion: r.nda.version };
}

// What the viewer may do about access to a need: ask (a researcher who may), and their request.
export async function getAccessState(actor: MaybeActor, needId: string): Promise<{ canRequest: boolean; own: OwnAccessRequestView | null }> {
  if (!actor) return { canRequest: false, own: null };
  const row = await findNeedRow(actor, needId);
  if (!row) throw notFound();
  const canRequest = can(actor, "need.requestAccess", needFactsOf(row));
  return { canRequest, own: canRequest ? await getOwnAccessRequest(actor, needId) : null };
}
