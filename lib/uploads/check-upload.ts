import { AppError } from "@/lib/errors";

// Attachments are accepted by what their bytes are, not by the name or Content-Type the browser
// claims: the first bytes must carry the signature of an allowed type, and the size is capped.
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

type Kind = { contentType: string; extensions: string[]; matches: (b: Uint8Array) => boolean };

const startsWith = (b: Uint8Array, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const KINDS: Kind[] = [
  { contentType: "application/pdf", extensions: ["pdf"], matches: (b) => startsWith(b, ascii("%PDF-")) },
  { contentType: "image/png", extensions: ["png"], matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: "image/jpeg", extensions: ["jpg", "jpeg"], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { contentType: "image/webp", extensions: ["webp"], matches: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8) },
  // Office Open XML files are ZIP archives that hold a [Content_Types].xml entry.
  {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    matches: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && includesAscii(b, "[Content_Types].xml"),
  },
  {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    matches: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && includesAscii(b, "[Content_Types].xml"),
  },
];

function includesAscii(b: Uint8Array, text: string): boolean {
  return Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 64 * 1024)).includes(text, 0, "latin1");
}

export type CheckedUpload = { fileName: string; contentType: string; sizeBytes: number };

/**
 * Validates an uploaded file: size within MAX_UPLOAD_BYTES and not empty, the extension one we
 * accept, and the magic bytes matching that extension. Throws a 413/422 AppError naming the
 * problem; returns the content type derived from the bytes (the client's claim is ignored).
 */
export function checkUpload(fileName: string, bytes: Uint8Array, maxBytes = MAX_UPLOAD_BYTES): CheckedUpload {
  if (bytes.byteLength > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB`, { fields: { file: ["too large"] } });
  }
  if (bytes.byteLength === 0) throw new AppError("VALIDATION", "The file is empty", { fields: { file: ["empty"] } });
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const kind = KINDS.find((k) => k.extensions.includes(ext));
  if (!kind) {
    throw new AppError("VALIDATION", "Allowed files: PDF, PNG, JPEG, WebP, DOCX, PPTX", { fields: { file: ["type not allowed"] } });
  }
  if (!kind.matches(bytes)) {
    throw new AppError("VALIDATION", `The file's content is not a real .${ext} file`, { fields: { file: ["content does not match the file type"] } });
  }
  const safeName = fileName.replace(/[\\/\u0000-\u001f]/g, "_").slice(-200);
  return { fileName: safeName, contentType: kind.contentType, sizeBytes: bytes.byteLength };
}
