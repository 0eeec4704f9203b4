import { readUploadedFiles } from "@/lib/api/read-upload";
import { withApi } from "@/lib/api/with-api";
import { getInstrument } from "@/lib/instruments/instruments";
import { addInstrumentPhotos } from "@/lib/instruments/photos";
import { MAX_PHOTOS_PER_INSTRUMENT } from "@/lib/instruments/schemas";
import { addPhotosOperation } from "./openapi";

// POST /api/v1/instruments/{id}/photos : multipart/form-data with one or more `photos`.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  await addInstrumentPhotos(actor, params.id, await readUploadedFiles(request, "photos", MAX_PHOTOS_PER_INSTRUMENT));
  return addPhotosOperation.json(await getInstrument(actor, params.id));
});
