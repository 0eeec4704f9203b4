import "server-only";
import { attachmentRow, checkAttachmentFile, type CheckedFile } from "@/lib/attachments/attachments";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy";

// The test report of a booking (检测报告): a PDF or an image, checked by its bytes like every
// attachment, stored as an Attachment row of the booking. One report per booking: a new upload
// replaces the old one. Who sees its name and downloads it: rule "booking.report" (the booker's
// side and the instrument's managers), checked by presentBooking and by GET /api/attachments/{id}.

type Tx = Prisma.TransactionClient;

export type UploadedFile = { name: string; bytes: Uint8Array };

export const REPORT_FIELD = "report";

export function checkReportFile(file: UploadedFile): Promise<CheckedFile> {
  return checkAttachmentFile(file, REPORT_FIELD, "document");
}

export async function storeReport(tx: Pick<Tx, "attachment">, actor: Actor, bookingId: string, file: CheckedFile): Promise<{ id: string }> {
  await tx.attachment.deleteMany({ where: { bookingId } });
  return tx.attachment.create({ data: attachmentRow(actor, { bookingId }, file), select: { id: true } });
}
