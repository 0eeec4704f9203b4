import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { AppError } from "@/lib/errors";

/**
 * The files of one field of a multipart/form-data API request (at most `max` of them, each checked
 * later by the service). The declared length is checked before the body is read.
 */
export async function readUploadedFiles(request: Request, field: string, max: number): Promise<{ name: string; bytes: Uint8Array }[]> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_ATTACHMENT_BYTES * max + 64 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", { key: "file.tooLarge", params: { mb: MAX_ATTACHMENT_MB } });
  const form = await request.formData().catch(() => {
    throw new AppError("BAD_REQUEST", { key: "file.choose", fields: { [field]: ["v.noFile"] } });
  });
  const files = form.getAll(field).filter((f): f is File => f instanceof File && f.name !== "");
  return Promise.all(files.slice(0, max + 1).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
