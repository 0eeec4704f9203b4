import { NextResponse } from "next/server";
import { deleteAttachment, getAttachment } from "@/lib/attachments/attachments";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { assertSameOrigin } from "@/lib/security/origin";
import { jsonError } from "@/lib/api/respond";
import { unauthenticated } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";

// GET /api/attachments/{id}: the file, for viewers who may read what it is attached to.
// Served as a download with its sniffed type and nosniff, never rendered inline as HTML.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const file = await getAttachment(actor, (await params).id, { ip: clientIpFrom(request.headers) });
    return new NextResponse(new Uint8Array(file.data), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
        etag: `"${file.sha256}"`,
      },
    });
  } catch (error) {
    return jsonError(error, { signal: request.signal });
  }
}

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    await deleteAttachment(actor, (await params).id);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return jsonError(error, { signal: request.signal });
  }
}
