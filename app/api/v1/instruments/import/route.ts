import { withApi } from "@/lib/api/with-api";
import { AppError, fieldError } from "@/lib/errors";
import { importInstrumentsFile, MAX_INSTRUMENT_IMPORT_BYTES, type ImportMode } from "@/lib/instruments/import";
import { authorize } from "@/lib/policy";
import { importInstrumentsOperation } from "./openapi";

const MODES: readonly ImportMode[] = ["validate", "all-or-nothing", "valid-only"];

// POST /api/v1/instruments/import?mode=validate|all-or-nothing|valid-only : multipart/form-data with `file` (CSV or XLSX).
export const POST = withApi(async ({ actor, locale, request }) => {
  authorize(actor, "instrument.import");
  const mode = (new URL(request.url).searchParams.get("mode") ?? "validate") as ImportMode;
  if (!MODES.includes(mode)) throw fieldError("mode", "v.invalidOption");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_INSTRUMENT_IMPORT_BYTES + 64 * 1024)
    throw new AppError("PAYLOAD_TOO_LARGE", { key: "instruments.importTooLarge", params: { mb: MAX_INSTRUMENT_IMPORT_BYTES / 1024 / 1024 } });
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw fieldError("file", "v.required");
  const out = await importInstrumentsFile(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, mode, locale);
  return importInstrumentsOperation.json(out, { status: out.written ? 201 : 200 });
});
