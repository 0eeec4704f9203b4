import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { checkAttachmentFile } from "@/lib/attachments/attachments";
import { MAX_ATTACHMENT_MB, safeFileName } from "@/lib/attachments/sniff";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Actor, type MaybeActor } from "@/lib/policy";
import { instrumentFacts, loadInstrumentFor } from "./instruments";
import { MAX_PHOTOS_PER_INSTRUMENT } from "./schemas";

// Photos of an instrument. A file is checked by its bytes like every upload (an image, within the
// attachment size limit: field errors name the file and the limit), then decoded and re-encoded
// (WebP): the full picture fits in 1600 px, the thumbnail (lists) is 480x360. Re-encoding drops
// EXIF data (location of the lab, camera) and anything else hidden in the file.

const FULL_PX = 1600;
const THUMB = { width: 480, height: 360 };
const FIELD = "photos";

export type PhotoSize = "full" | "thumb";

type Encoded = { data: Buffer; thumb: Buffer; width: number; height: number };

/** Decodes an image (EXIF orientation applied) and encodes the full picture and the thumbnail. */
export async function encodePhoto(bytes: Uint8Array): Promise<Encoded | null> {
  try {
    const base = sharp(bytes, { limitInputPixels: 50_000_000, animated: false }).rotate();
    const full = await base.clone().resize({ width: FULL_PX, height: FULL_PX, fit: "inside", withoutEnlargement: true }).webp({ quality: 82 }).toBuffer({
      resolveWithObject: true,
    });
    const thumb = await base
      .clone()
      .resize({ ...THUMB, fit: "cover", position: "attention" })
      .webp({ quality: 75 })
      .toBuffer();
    return { data: full.data, thumb, width: full.info.width, height: full.info.height };
  } catch {
    return null;
  }
}

/** Adds photos to an instrument (its managers). All files are checked before any is stored. */
export async function addInstrumentPhotos(actor: Actor, instrumentId: string, files: { name: string; bytes: Uint8Array }[]): Promise<{ ids: string[] }> {
  const instrument = await loadInstrumentFor(prisma, actor, instrumentId, "instrument.photo");
  if (files.length === 0) throw new AppError("VALIDATION", { key: "file.choose", fields: { [FIELD]: ["v.noFile"] } });
  const existing = await prisma.instrumentPhoto.count({ where: { instrumentId: instrument.id } });
  if (existing + files.length > MAX_PHOTOS_PER_INSTRUMENT) {
    const params = { max: MAX_PHOTOS_PER_INSTRUMENT, left: Math.max(0, MAX_PHOTOS_PER_INSTRUMENT - existing) };
    throw new AppError("VALIDATION", { key: "instruments.photoTooMany", params, fields: { [FIELD]: [{ key: "v.tooManyPhotos", params }] } });
  }
  const encoded = [];
  for (const file of files) {
    const checked = await checkAttachmentFile(file, FIELD, "image");
    const photo = await encodePhoto(checked.bytes);
    if (!photo) {
      const params = { name: safeFileName(file.name), mb: MAX_ATTACHMENT_MB };
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", { key: "instruments.photoUnreadable", params, fields: { [FIELD]: [{ key: "v.imageUnreadable", params }] } });
    }
    encoded.push({ name: file.name, ...photo });
  }
  const rows = await prisma.$transaction(
    encoded.map((p, i) =>
      prisma.instrumentPhoto.create({
        data: {
          instrumentId: instrument.id,
          position: existing + i,
          fileName: safeFileName(p.name),
          contentType: "image/webp",
          width: p.width,
          height: p.height,
          sizeBytes: p.data.length,
          sha256: createHash("sha256").update(p.data).digest("hex"),
          data: new Uint8Array(p.data),
          thumb: new Uint8Array(p.thumb),
          uploadedById: actor.id,
        },
        select: { id: true },
      }),
    ),
  );
  return { ids: rows.map((r) => r.id) };
}

export async function deleteInstrumentPhoto(actor: Actor, photoId: string): Promise<{ instrumentId: string }> {
  const photo = await prisma.instrumentPhoto.findUnique({ where: { id: photoId }, select: { id: true, instrumentId: true } });
  if (!photo) throw new AppError("NOT_FOUND", { key: "instruments.photoNotFound" });
  await loadInstrumentFor(prisma, actor, photo.instrumentId, "instrument.photo");
  await prisma.instrumentPhoto.delete({ where: { id: photo.id } });
  return { instrumentId: photo.instrumentId };
}

/** The picture, for whoever may read the instrument (visitors too, for active instruments). */
export async function getInstrumentPhoto(actor: MaybeActor, photoId: string, size: PhotoSize) {
  const photo = await prisma.instrumentPhoto.findUnique({
    where: { id: photoId },
    select: { data: size === "full", thumb: size === "thumb", sha256: true, instrument: { select: { organisationId: true, managerId: true, status: true } } },
  });
  if (!photo || !can(actor, "instrument.read", instrumentFacts(photo.instrument))) throw new AppError("NOT_FOUND", { key: "instruments.photoNotFound" });
  const bytes = size === "full" ? photo.data : photo.thumb;
  return { bytes: new Uint8Array(bytes!), etag: `${photo.sha256}-${size}`, public: photo.instrument.status === "ACTIVE" };
}
