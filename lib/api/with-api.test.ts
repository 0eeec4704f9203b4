// A request its client abandoned is neither a database outage nor a failure of ours: it is logged
// as what it is and answered 499 (which nobody reads), so the "database unavailable" log lines and
// the 503 count mean what they say.
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/logger";
import { readJsonBody } from "./read-json";
import { withApi } from "./with-api";

vi.mock("@/lib/security/rate-limit", () => ({ clientIp: () => "127.0.0.1", consumeRateLimit: async () => undefined }));

afterEach(() => vi.restoreAllMocks());

/** A POST whose client goes away while its body is read, the way Next.js hands it over. */
function abandonedRequest(): Request {
  const client = new AbortController();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"title":"half a bo'));
    },
    pull(controller) {
      client.abort(Object.assign(new Error("The client aborted"), { name: "ResponseAborted" }));
      controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    },
  });
  return new Request("http://localhost/api/v1/needs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
    signal: client.signal,
  } as RequestInit);
}

describe("withApi: a request the client abandoned", () => {
  it("is logged as aborted by the client and answered 499, not as an unavailable database (503)", async () => {
    const info = vi.spyOn(logger, "info");
    const error = vi.spyOn(logger, "error");
    const route = withApi(async ({ request }) => Response.json(await readJsonBody(request)), { public: true });
    const res = await route(abandonedRequest(), { params: Promise.resolve({}) });
    expect(res.status).toBe(499);
    expect(info.mock.calls.map((c) => c.at(-1))).toContain("request aborted by the client");
    expect(error).not.toHaveBeenCalled();
  });

  it("still answers 503 for an unavailable database while the client waits", async () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const route = withApi(
      async () => {
        throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      },
      { public: true },
    );
    const res = await route(new Request("http://localhost/api/v1/needs"), { params: Promise.resolve({}) });
    expect(res.status).toBe(503);
    expect(error.mock.calls.map((c) => c.at(-1))).toContain("database unavailable");
  });
});
