import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";

// Instrument responses are documented as open objects for now (typed schemas: issue 17 follow-up).
const openObject = z.record(z.string(), z.unknown());

export const importInstrumentsOperation = defineOperation({
  method: "post",
  path: "/instruments/import",
  operationId: "importInstruments",
  summary: "Bulk import instruments from CSV or XLSX",
  description:
    "multipart/form-data with `file`; ?mode=validate (default), all-or-nothing or valid-only. 200 with the row report when nothing was written, 201 with created and updated counts when rows were written.",
  tags: ["Instruments"],
  response: { status: 201, description: "{ report, written, created, updated }", schema: openObject },
  errors: ["Forbidden", "ValidationFailed", "BadRequest"],
});
