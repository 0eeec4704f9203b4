import { defineOperation } from "@/lib/api/openapi/define-operation";
import { instrumentViewSchema } from "@/lib/instruments/response-schemas";

export const addPhotosOperation = defineOperation({
  method: "post",
  path: "/instruments/{id}/photos",
  operationId: "addInstrumentPhotos",
  summary: "Add photos of an instrument",
  description:
    "multipart/form-data with one or more `photos` (PNG, JPEG, WEBP or GIF, checked by content, at most 10 MB each, 8 per instrument). Re-encoded as WebP (at most 1600 px, and a 480x360 thumbnail). The instrument's managers.",
  tags: ["Instruments"],
  response: { status: 201, description: "The instrument with its photos", schema: instrumentViewSchema, component: "Instrument" },
  errors: ["NotFound", "ValidationFailed"],
});
