import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorize, can, needScopeFor, resultScopeFor, type Actor } from "@/lib/policy";
import { needSubject, recordAudit } from "@/lib/access/record-audit";
import { findNeedRow } from "@/lib/needs/get-need";
import { needFactsOf } from "@/lib/needs/present-need";
import { challengeAttachmentForViewer } from "@/lib/challenges/attachments";
import { checkAttachment, MAX_ATTACHMENT_MB, safeFileName, type Accept } from "./sniff";

const FIELD_KEY = { empty: "v.fileEmpty", tooLarge: "v.fileTooLarge", wrongType: "v.fileWrongType" } as const;
// Images only (photos): the wrong-type words name the image formats alone.
const IMAGE_FIELD_KEY = { ...FIELD_KEY, wrongType: "v.imageWrongType" } as const;

export const MAX_ATTACHMENTS_PER_ITEM = 10;

export type CheckedFile = { name: string; bytes: Uint8Array; contentType: string };

/**
 * Checks a file by its bytes (PDF or an image, within the size limit). Throws an AppError whose
 * message, also set on `field`, states the limit or the allowed types.
 */
export async function checkAttachmentFile(file: { name: string; bytes: Uint8Array }, field = "file", accept: Accept = "document"): Promise<CheckedFile> {
  const check = await checkAttachment(file.bytes, accept);
  if (!check.ok) {
    const params = { mb: MAX_ATTACHMENT_MB, name: field === "file" ? "none" : safeFileName(file.name) };
    const imageType = accept === "image" && check.reason === "wrongType";
    throw new AppError(check.reason === "tooLarge" ? "PAYLOAD_TOO_LARGE" : check.reason === "wrongType" ? "UNSUPPORTED_MEDIA_TYPE" : "VALIDATION", {
      key: imageType ? "file.imageWrongType" : `file.${check.reason}`,
      params,
      fields: { [field]: [{ key: (accept === "image" ? IMAGE_FIELD_KEY : FIELD_KEY)[check.reason], params }] },
    });
  }
  return { ...file, contentType: check.contentType };
}

/** The row data for a checked file (the caller writes it, in its own transaction if it has one). */
export type AttachmentTarget = {
  needId?: string;
  resultId?: string;
  bookingId?: string;
  challengeApplicationId?: string;
  challengeMilestoneId?: string;
};

export function attachmentRow(actor: Actor, target: AttachmentTarget, file: CheckedFile) {
  return {
    ...target,
    fileName: safeFileName(file.name),
    contentType: file.contentType,
    sizeBytes: file.bytes.length,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    data: Buffer.from(file.bytes),
    uploadedById: actor.id,
  };
}

export function tooManyAttachments(field = "file"): AppError {
  const params = { max: MAX_ATTACHMENTS_PER_ITEM };
  return new AppError("VALIDATION", { key: "file.tooMany", params, fields: { [field]: [{ key: "v.tooManyAttachments", params }] } });
}

/** Attaches a file to a need (owner company) or result (owner organisation). */
export async function addAttachment(
  actor: Actor,
  target: { needId?: string; resultId?: string },
  file: { name: string; bytes: Uint8Array },
): Promise<{ id: string }> {
  if (target.needId) {
    const need = await prisma.need.findFirst({ where: { AND: [{ id: target.needId }, needScopeFor(actor)] } });
    if (!need) throw notFound();
    authorize(actor, "need.attach", need);
  } else if (target.resultId) {
    const result = await prisma.result.findFirst({ where: { AND: [{ id: target.resultId }, resultScopeFor(actor)] } });
    if (!result) throw notFound();
    authorize(actor, "result.update", result);
  } else throw new AppError("BAD_REQUEST", { key: "file.nothingToAttach" });
  const checked = await checkAttachmentFile(file);
  const existing = await prisma.attachment.count({ where: target.needId ? { needId: target.needId } : { resultId: target.resultId } });
  if (existing >= MAX_ATTACHMENTS_PER_ITEM) throw tooManyAttachments();
  return prisma.attachment.create({ data: attachmentRow(actor, target, checked), select: { id: true } });
}

/**
 * The file, if the actor may read the full need or the result it belongs to. The need is loaded
 * the way its page loads it (findNeedRow: scope in the `where`, this viewer's live access grant
 * in the same query; its own columns carry the broker facts brokerHelpAt, region and chainNode),
 * so exactly the viewers who read the need in full download its files: a granted researcher, and
 * a broker who is assigned, was asked for help, or covers a BROKER_ONLY need in their portfolio
 * (the assigned broker's drafts included: need.readFull covers need.editAsBroker).
 * A download from a CONFIDENTIAL or BROKER_ONLY need is audited like a full view, before the
 * bytes are returned.
 */
export async function getAttachment(actor: Actor, id: string, ctx: { ip: string | null }) {
  const row = await prisma.attachment.findUnique({ where: { id } });
  if (!row) throw notFound();
  if (row.challengeApplicationId || row.challengeMilestoneId) {
    // A challenge application's (or its project milestone's) file: read like the application.
    const shown = await challengeAttachmentForViewer(actor, row, ctx);
    return { fileName: shown.fileName, contentType: row.contentType, data: row.data, sha256: row.sha256 };
  }
  if (row.needId) {
    const need = await findNeedRow(actor, row.needId);
    const facts = need ? needFactsOf(need) : null;
    if (!need || !facts || !can(actor, "need.readFull", facts)) {
      throw notFound();
    }
    if (need.visibility === "CONFIDENTIAL" || need.visibility === "BROKER_ONLY") {
      await recordAudit(prisma, {
        actorId: actor.id,
        action: "need.attachment",
        subject: needSubject(need.id),
        detail: { attachmentId: row.id, visibility: need.visibility, grantId: need.accessRequests[0]?.id ?? null },
        ip: ctx.ip,
      });
    }
  } else if (row.bookingId) {
    // An instrument booking's test report: the booker's side and the instrument's managers only.
    const booking = await prisma.instrumentBooking.findUnique({
      where: { id: row.bookingId },
      select: { bookerId: true, organisationId: true, instrument: { select: { organisationId: true, managerId: true, status: true } } },
    });
    if (!booking || !can(actor, "booking.report", booking)) throw notFound();
  } else {
    const result = row.resultId
      ? await prisma.result.findFirst({ where: { AND: [{ id: row.resultId }, resultScopeFor(actor)] }, select: { organisationId: true, status: true } })
      : null;
    if (!result || !can(actor, "result.read", result)) throw notFound();
  }
  return { fileName: row.fileName, contentType: row.contentType, data: row.data, sha256: row.sha256 };
}

export async function deleteAttachment(actor: Actor, id: string): Promise<void> {
  const row = await prisma.attachment.findUnique({ where: { id }, include: { need: true, result: true } });
  const allowed = row && ((row.need && can(actor, "need.attach", row.need)) || (row.result && can(actor, "result.update", row.result)));
  if (!row || !allowed) throw notFound();
  await prisma.attachment.delete({ where: { id } });
}

/** Names of a result's attachments; the caller has checked that the viewer may read the result. */
export async function listResultAttachments(resultId: string) {
  return prisma.attachment.findMany({ where: { resultId }, select: { id: true, fileName: true, sizeBytes: true }, orderBy: { createdAt: "asc" } });
}

/** Names of a need's attachments; the caller has checked that the viewer reads the need in full. */
export async function listNeedAttachments(needId: string) {
  return prisma.attachment.findMany({ where: { needId }, select: { id: true, fileName: true }, orderBy: { createdAt: "asc" } });
}
