// The OpenAPI document against the code: every route file under app/api/v1 and every HTTP method
// it exports is documented, by an operation declared in the openapi.ts beside it, and nothing else is. Imports the route modules, hence integration.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { HTTP_METHODS, type OpenApiDocument } from "./openapi/types";

const V1_DIR = path.join(import.meta.dirname, "../../app/api/v1");

/** "/needs/{id}/matches" for app/api/v1/needs/[id]/matches/route.ts */
function routeFiles(dir = V1_DIR, prefix = ""): { apiPath: string; file: string }[] {
  const out: { apiPath: string; file: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name.startsWith("[...")) continue; // the JSON 404 catch-all
    if (entry.isDirectory()) out.push(...routeFiles(full, `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, "{$1}")}`));
    else if (entry.name === "route.ts") out.push({ apiPath: prefix || "/", file: full });
  }
  return out;
}

describe("GET /api/v1/openapi.json", () => {
  it("is public JSON, OpenAPI 3.1", async () => {
    const res = getOpenApi();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await res.json()) as OpenApiDocument;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lists every route under app/api/v1 with exactly the methods it exports", async () => {
    const doc = (await getOpenApi().json()) as OpenApiDocument;
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(doc.paths).sort()).toEqual(files.map((f) => f.apiPath).sort());
    for (const { apiPath, file } of files) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = HTTP_METHODS.filter((m) => typeof mod[m.toUpperCase()] === "function");
      expect(Object.keys(doc.paths[apiPath]!).sort(), apiPath).toEqual([...exported].sort());
    }
  });

  it("declares each operation in the openapi.ts beside its route, for that route's path", async () => {
    for (const { apiPath, file } of routeFiles()) {
      const declared = (await import(/* @vite-ignore */ file.replace(/route\.ts$/, "openapi.ts"))) as Record<string, { path: string; method: string }>;
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = HTTP_METHODS.filter((m) => typeof mod[m.toUpperCase()] === "function");
      expect(
        Object.values(declared).map((op) => op.path),
        apiPath,
      ).toEqual(exported.map(() => apiPath));
      expect(
        Object.values(declared)
          .map((op) => op.method)
          .sort(),
        apiPath,
      ).toEqual([...exported].sort());
    }
  });

  it("is the only route that answers without a token: every other method of every route is 401", async () => {
    for (const { apiPath, file } of routeFiles()) {
      if (apiPath === "/openapi.json") continue;
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      for (const method of HTTP_METHODS.map((m) => m.toUpperCase())) {
        const handler = mod[method];
        if (!handler) continue;
        const url = `http://localhost/api/v1${apiPath.replace("{id}", "some-id")}`;
        const body = method === "GET" ? undefined : "{}";
        const res = await handler(new Request(url, { method, body, headers: body ? { "content-type": "application/json" } : {} }), {
          params: Promise.resolve({ id: "some-id" }),
        });
        expect(res.status, `${method} ${apiPath}`).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
      }
    }
  });

  it("answers unknown API URLs with a JSON 404, token or not", async () => {
    const { GET, POST } = await import("@/app/api/v1/[...path]/route");
    const ctx = { params: Promise.resolve({ path: ["nope"] }) };
    for (const res of [
      await GET(new Request("http://localhost/api/v1/nope"), ctx),
      await POST(new Request("http://localhost/api/v1/nope", { method: "POST" }), ctx),
    ]) {
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
  });

  it("documents the required paths of the brief", async () => {
    const doc = (await getOpenApi().json()) as OpenApiDocument;
    const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops.sort()).toEqual(
      [
        "GET /needs",
        "GET /deals/{id}",
        "POST /deals/{id}/contract",
        "POST /deals/{id}/respond",
        "POST /deals/{id}/transitions",
        "POST /needs",
        "GET /needs/{id}",
        "PATCH /needs/{id}",
        "GET /needs/{id}/matches",
        "GET /results",
        "POST /results",
        "GET /results/{id}",
        "GET /search",
        "GET /openapi.json",
        // issue 4: confidential access
        "GET /needs/{id}/nda",
        "GET /needs/{id}/access-requests",
        "POST /needs/{id}/access-requests",
        "GET /needs/{id}/audit",
        "PATCH /access-requests/{id}",
        "POST /access-requests/{id}/revoke",
        "GET /access-requests/{id}/messages",
        "POST /access-requests/{id}/messages",
        "GET /audit-log",
        // issue 17: shared instruments
        "GET /instruments",
        "POST /instruments",
        "GET /instruments/{id}",
        "PUT /instruments/{id}",
        "GET /instruments/{id}/calendar",
        "POST /instruments/{id}/bookings",
        "GET /instruments/{id}/metrics",
        "GET /instruments/sharing-rates",
        "POST /instruments/import",
        "GET /instrument-bookings",
        "GET /instrument-bookings/{id}",
        "POST /instrument-bookings/{id}/transitions",
        "POST /instrument-bookings/{id}/report",
        "POST /instruments/{id}/photos",
        "GET /instruments/partners",
        "POST /instruments/partners",
        "DELETE /instruments/partners/{organisationId}",
        "GET /instruments/institution-metrics",
        // issue 15: challenges (揭榜挂帅)
        "GET /challenges",
        "POST /challenges",
        "GET /challenges/{id}",
        "PATCH /challenges/{id}",
        "POST /challenges/{id}/transitions",
        "GET /challenges/{id}/nda",
        "POST /challenges/{id}/nda",
        "POST /challenges/{id}/panel",
        "GET /challenges/{id}/applications",
        "POST /challenges/{id}/applications",
        "POST /challenges/{id}/award",
        "POST /challenges/{id}/outcome",
        "GET /challenge-applications",
        "GET /challenge-applications/{id}",
        "POST /challenge-applications/{id}/withdraw",
        "POST /challenge-applications/{id}/conflict",
        "PUT /challenge-applications/{id}/scores",
        "POST /challenge-applications/{id}/shortlist",
        "GET /challenge-applications/{id}/milestones",
        "POST /challenge-milestones/{id}/submission",
        "POST /challenge-milestones/{id}/decision",
        "POST /challenge-milestones/{id}/payment",
        "POST /challenge-applications/{id}/questions",
        "POST /challenge-questions/{id}/answer",
        "DELETE /challenges/{id}/panel/{panelMemberId}",
      ].sort(),
    );
  });
});
