import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_NDA_TEXT, sha256Hex } from "./nda-text";
import { needSubject, recordAudit } from "./record-audit";

export type NdaVersion = { id: string; version: number; text: string; textSha256: string; createdAt: Date };

type Tx = Prisma.TransactionClient;
const ndaSelect = { id: true, version: true, text: true, textSha256: true, createdAt: true } as const;

export function latestNda(tx: Pick<Tx, "nda">, needId: string): Promise<NdaVersion | null> {
  return tx.nda.findFirst({ where: { needId }, orderBy: { version: "desc" }, select: ndaSelect });
}

// NDA versions are immutable: a changed text becomes the next version (acceptances keep
// pointing at the version and hash they accepted). Publishing the same text again is a no-op.
export async function publishNdaVersion(tx: Tx, needId: string, text: string, actorId: string | null, ip: string | null = null): Promise<NdaVersion> {
  const latest = await latestNda(tx, needId);
  if (latest && latest.text === text) return latest;
  const created = await tx.nda.create({
    data: { needId, version: (latest?.version ?? 0) + 1, text, textSha256: sha256Hex(text) },
    select: ndaSelect,
  });
  await recordAudit(tx, { actorId, action: "nda.publish", subject: needSubject(needId), detail: { version: created.version, sha256: created.textSha256 }, ip });
  return created;
}

// A confidential need always has an NDA: the standard text unless the owner wrote one.
export async function ensureNda(tx: Tx, needId: string, actorId: string | null): Promise<NdaVersion> {
  return (await latestNda(tx, needId)) ?? publishNdaVersion(tx, needId, DEFAULT_NDA_TEXT, actorId);
}
