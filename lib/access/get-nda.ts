import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { can, type MaybeActor } from "@/lib/policy";
import { findNeedRow } from "@/lib/needs/get-need";
import { needFactsOf } from "@/lib/needs/present-need";
import { DEFAULT_NDA_TEXT, sha256Hex } from "./nda-text";
import { latestNda } from "./publish-nda";

export type NdaView = { version: number; text: string; textSha256: string };

// The NDA a viewer would accept. Needs made confidential before NDAs existed show the standard
// text as version 1 (published when the first researcher accepts it).
export async function getCurrentNda(actor: MaybeActor, needId: string): Promise<NdaView> {
  const row = await findNeedRow(actor, needId);
  if (!row || !can(actor, "need.discover", needFactsOf(row))) throw notFound();
  const nda = await latestNda(prisma, row.id);
  return nda
    ? { version: nda.version, text: nda.text, textSha256: nda.textSha256 }
    : { version: 1, text: DEFAULT_NDA_TEXT, textSha256: sha256Hex(DEFAULT_NDA_TEXT) };
}
