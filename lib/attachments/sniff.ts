// What a file really is, from its bytes (pure). The extension and the browser's claimed
// type are not trusted: only PDF and common image formats are accepted.

import { fileTypeFromBuffer } from "file-type/core";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

export type AllowedType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp" | "image/gif";

const ALLOWED: ReadonlySet<string> = new Set<AllowedType>(["application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif"]);
const isAllowed = (mime: string): mime is AllowedType => ALLOWED.has(mime);

// file-type (maintained signatures) instead of our own magic bytes; its core entry point reads
// only the buffer given, no file system.
export async function sniffContentType(bytes: Uint8Array): Promise<AllowedType | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type && isAllowed(type.mime) ? type.mime : null;
}

export type AttachmentCheck = { ok: true; contentType: AllowedType } | { ok: false; reason: "empty" | "tooLarge" | "wrongType" };

/** What a file input takes: PDF and images (attachments, test reports) or images only (photos). */
export type Accept = "document" | "image";

export async function checkAttachment(bytes: Uint8Array, accept: Accept = "document"): Promise<AttachmentCheck> {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: "tooLarge" };
  const contentType = await sniffContentType(bytes);
  if (!contentType || (accept === "image" && !contentType.startsWith("image/"))) return { ok: false, reason: "wrongType" };
  return { ok: true, contentType };
}

/** A file name safe for a Content-Disposition header and for display. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_")
    .trim()
    .slice(0, 120);
  return cleaned || "file";
}
