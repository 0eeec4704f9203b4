import { NextResponse } from "next/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { jsonError } from "@/lib/api/respond";
import { getInstrumentPhoto } from "@/lib/instruments/photos";

// GET /api/instrument-photos/{id}?size=thumb : an instrument's photo (re-encoded WebP), for whoever
// may read the instrument (visitors too while it is active). Served with nosniff; the bytes of a
// photo never change (a new upload is a new id), so browsers may keep it.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const size = new URL(request.url).searchParams.get("size") === "thumb" ? "thumb" : "full";
    const photo = await getInstrumentPhoto(await getCurrentActor(), (await params).id, size);
    return new NextResponse(photo.bytes, {
      headers: {
        "content-type": "image/webp",
        "x-content-type-options": "nosniff",
        "cache-control": photo.public ? "public, max-age=86400" : "private, no-store",
        etag: `"${photo.etag}"`,
      },
    });
  } catch (error) {
    return jsonError(error, { signal: request.signal });
  }
}
