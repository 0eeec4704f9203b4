import "server-only";
import { AppError } from "@/lib/errors";

export const MAX_JSON_BYTES = 256 * 1024;

// Reads a JSON object body with a size cap. Malformed or oversized bodies are 4xx, never 500.
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", { key: "api.jsonOnly" });
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", { key: "api.bodyTooLarge", params: { maxBytes } });
  const text = await readCapped(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("BAD_REQUEST", { key: "api.malformedJson", detail: (e as Error).message });
  }
}

async function readCapped(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", { key: "api.bodyTooLarge", params: { maxBytes } });
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
