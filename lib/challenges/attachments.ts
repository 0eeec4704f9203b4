import "server-only";
import { recordAudit } from "@/lib/access/record-audit";
import { attachmentRow, checkAttachmentFile, MAX_ATTACHMENTS_PER_ITEM, tooManyAttachments } from "@/lib/attachments/attachments";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor, type MaybeActor } from "@/lib/policy";
import type { ApplicationFacts } from "@/lib/policy/rules";
import { challengeConflict } from "./errors";
import { loadApplication } from "./load";

type Tx = Prisma.TransactionClient;
type UploadedFile = { name: string; bytes: Uint8Array };

// Files of a challenge application (approach, CVs, test reports) and of a project milestone's
// submission (deliverables), stored like every upload (lib/attachments: type by content, size
// limit, field errors that name the file). Confidential like the application: downloaded only by
// the applicant side, the sponsor and unconflicted panel members (application.read); under blind
// review the experts see neither who uploaded a file nor its own name (names often carry one).

/** The application's files may change while it can still change: submitted, before the deadline. */
export async function checkApplicationFiles(files: readonly UploadedFile[], already = 0, field = "attachments") {
  if (already + files.length > MAX_ATTACHMENTS_PER_ITEM) throw tooManyAttachments(field);
  const checked = [];
  for (const f of files) checked.push(await checkAttachmentFile(f, field));
  return checked;
}

/** Writes checked files for an application or a milestone (in the caller's transaction). */
export async function storeChallengeFiles(
  tx: Tx,
  actor: Actor,
  target: { challengeApplicationId: string } | { challengeMilestoneId: string },
  files: Awaited<ReturnType<typeof checkApplicationFiles>>,
) {
  for (const f of files) await tx.attachment.create({ data: attachmentRow(actor, target, f), select: { id: true } });
}

/** The applicant side adds files to its application while the call is open. */
export async function addApplicationAttachments(
  actor: Actor,
  applicationId: string,
  files: readonly UploadedFile[],
  now = new Date(),
): Promise<{ added: number }> {
  return prisma.$transaction(async (tx) => {
    // Who may, then when, then the files themselves.
    const { app, challenge } = await loadApplication(tx, actor, applicationId, "application.attach");
    if (app.status !== "SUBMITTED" || challenge.status !== "OPEN" || challenge.applicationDeadline <= now) throw challengeConflict("attachClosed");
    const already = await tx.attachment.count({ where: { challengeApplicationId: applicationId } });
    const checked = await checkApplicationFiles(files, already);
    await storeChallengeFiles(tx, actor, { challengeApplicationId: applicationId }, checked);
    return { added: checked.length };
  });
}

export type ChallengeFileView = { id: string; fileName: string; sizeBytes: number };

const extensionOf = (contentType: string) =>
  ({ "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif" })[contentType] ?? "bin";

/** A file's name as this viewer may see it: under blind review experts get a neutral one. */
export function shownFileName(file: { fileName: string; contentType: string }, index: number, seesApplicant: boolean): string {
  return seesApplicant ? file.fileName : `attachment-${index + 1}.${extensionOf(file.contentType)}`;
}

/** The files of an application or of its milestones, for a viewer who reads the application. */
export async function listChallengeFiles(
  tx: Tx,
  actor: MaybeActor,
  facts: ApplicationFacts,
  where: { challengeApplicationId: string } | { challengeMilestoneId: { in: string[] } },
): Promise<(ChallengeFileView & { milestoneId: string | null })[]> {
  const rows = await tx.attachment.findMany({
    where,
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, challengeMilestoneId: true },
  });
  const sees = can(actor, "application.seeApplicant", facts);
  // Numbered per application / per milestone, as the download names them.
  const seen = new Map<string | null, number>();
  return rows.map((r) => {
    const n = seen.get(r.challengeMilestoneId) ?? 0;
    seen.set(r.challengeMilestoneId, n + 1);
    return { id: r.id, fileName: shownFileName(r, n, sees), sizeBytes: r.sizeBytes, milestoneId: r.challengeMilestoneId };
  });
}

/**
 * For GET /api/attachments/{id}: a challenge file is served to whoever reads its application
 * (404 to everyone else, a conflicted expert included), under its blind name where the viewer may
 * not see the applicant; every download is audited.
 */
export async function challengeAttachmentForViewer(
  actor: Actor,
  row: { id: string; fileName: string; contentType: string; challengeApplicationId: string | null; challengeMilestoneId: string | null },
  ctx: { ip: string | null },
): Promise<{ fileName: string }> {
  const applicationId =
    row.challengeApplicationId ??
    (await prisma.challengeMilestone.findUnique({ where: { id: row.challengeMilestoneId! }, select: { applicationId: true } }))?.applicationId;
  if (!applicationId) throw new AppError("NOT_FOUND");
  const { app, facts } = await loadApplication(prisma, actor, applicationId, "application.read");
  const siblings = await prisma.attachment.findMany({
    where: row.challengeApplicationId ? { challengeApplicationId: app.id } : { challengeMilestoneId: row.challengeMilestoneId },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  await recordAudit(prisma, {
    actorId: actor.id,
    action: "challenge.attachment",
    subject: `challenge:${app.challengeId}`,
    detail: { attachmentId: row.id, applicationId: app.id },
    ip: ctx.ip,
  });
  return {
    fileName: shownFileName(
      row,
      siblings.findIndex((s) => s.id === row.id),
      can(actor, "application.seeApplicant", facts),
    ),
  };
}
