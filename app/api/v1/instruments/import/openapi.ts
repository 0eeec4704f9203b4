import { defineOperation } from "@/lib/api/openapi/define-operation";
import { importOutcomeSchema } from "@/lib/instruments/response-schemas";

export const importInstrumentsOperation = defineOperation({
  method: "post",
  path: "/instruments/import",
  operationId: "importInstruments",
  summary: "Bulk import instruments from CSV or XLSX",
  description:
    "multipart/form-data with `file`; ?mode=validate (default), all-or-nothing or valid-only. 200 with the row report when nothing was written, 201 with created and updated counts when rows were written.",
  tags: ["Instruments"],
  response: { status: 201, description: "The row report and what was written (200 when nothing was written)", schema: importOutcomeSchema },
  errors: ["Forbidden", "ValidationFailed", "BadRequest"],
});
