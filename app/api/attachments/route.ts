import { NextResponse } from "next/server";
import { addAttachment } from "@/lib/attachments/attachments";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { AppError, unauthenticated } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/security/origin";
import { jsonError } from "@/lib/api/respond";
import { toLocale } from "@/i18n/locale";

// POST /api/attachments (browser session, multipart: needId or resultId, file). The size limit is
// checked on the declared length before the body is read, and again on the bytes.
export async function POST(request: Request) {
  const locale = toLocale(new URL(request.url).searchParams.get("locale"));
  try {
    // Cookie-authenticated write: refuse other sites' pages (CSRF).
    assertSameOrigin(request);
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_ATTACHMENT_BYTES + 64 * 1024) {
      const mb = MAX_ATTACHMENT_BYTES / 1024 / 1024;
      throw new AppError("PAYLOAD_TOO_LARGE", { key: "file.tooLarge", params: { mb } });
    }
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("VALIDATION", { key: "file.choose", fields: { file: ["v.noFile"] } });
    const needId = form.get("needId");
    const resultId = form.get("resultId");
    const { id } = await addAttachment(
      actor,
      { needId: typeof needId === "string" && needId ? needId : undefined, resultId: typeof resultId === "string" && resultId ? resultId : undefined },
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    );
    return NextResponse.json({ id, fileName: file.name }, { status: 201 });
  } catch (error) {
    return jsonError(error, { locale, signal: request.signal });
  }
}
