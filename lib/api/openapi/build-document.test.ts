import { describe, expect, it } from "vitest";
import { createNeedSchema, updateNeedSchema } from "@/lib/needs/schemas";
import { createResultSchema } from "@/lib/results/schemas";
import { openApiDocument as doc } from "@/app/api/v1/operations";
import type { JsonSchema } from "./types";

/** Every "$ref" string anywhere in a value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

function resolve(ref: string): unknown {
  expect(ref.startsWith("#/")).toBe(true);
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

const schemas = doc.components.schemas;
const props = (s: JsonSchema | undefined) => Object.keys((s?.properties as Record<string, unknown>) ?? {}).sort();

describe("openApiDocument", () => {
  it("is OpenAPI 3.1 with bearer security on by default", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/openapi.json"]?.get?.security).toEqual([]);
  });

  it("resolves every $ref", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(ref), ref).toBeDefined();
  });

  it("has unique operation ids and documents 401 for every protected operation", () => {
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        if (p !== "/openapi.json") expect(op.responses["401"], `${method} ${p}`).toBeDefined();
        if (op.requestBody) for (const code of ["400", "413", "415", "422"]) expect(op.responses[code], `${method} ${p} ${code}`).toBeDefined();
      }
    }
  });

  it("derives the request bodies from the shared zod schemas (same fields, closed, with the same limits)", () => {
    expect(props(schemas.CreateNeedInput)).toEqual(Object.keys(createNeedSchema.shape).sort());
    expect(props(schemas.UpdateNeedInput)).toEqual(Object.keys(updateNeedSchema.shape).sort());
    expect(props(schemas.CreateResultInput)).toEqual(Object.keys(createResultSchema.shape).sort());
    for (const id of ["CreateNeedInput", "UpdateNeedInput", "CreateResultInput"]) expect(schemas[id]?.additionalProperties, id).toBe(false);
    expect(schemas.CreateNeedInput?.required).toEqual(["title", "description", "field"]);
    const need = schemas.CreateNeedInput?.properties as Record<string, JsonSchema>;
    expect(need.title).toMatchObject({ type: "string", minLength: 4, maxLength: 200 });
    expect(need.trlTarget).toMatchObject({ type: "integer", minimum: 1, maximum: 9 });
    expect(need.keywords).toMatchObject({ type: "array", maxItems: 20 });
    expect(need.visibility).toMatchObject({ enum: ["PUBLIC", "ANONYMOUS", "CONFIDENTIAL", "BROKER_ONLY"], default: "PUBLIC" });
    expect(need.teaser).toMatchObject({ type: "string", maxLength: 1000 });
  });

  it("states the cross-field rules JSON Schema can express, and describes the rest", () => {
    expect(schemas.CreateNeedInput?.allOf).toEqual([
      {
        if: { properties: { visibility: { const: "CONFIDENTIAL" } }, required: ["visibility"] },
        then: { required: ["teaser"], properties: { teaser: { minLength: 1 } } },
      },
    ]);
    expect(schemas.CreateNeedInput?.description).toMatch(/budgetMinCny must not exceed budgetMaxCny/);
    expect(schemas.UpdateNeedInput?.minProperties).toBe(1);
  });

  it("describes responses with the view schemas, open for new fields", () => {
    expect(props(schemas.Need)).toContain("access");
    expect(props(schemas.Need)).toContain("teaser");
    expect(schemas.Need?.additionalProperties).toBeUndefined();
    expect((schemas.NeedPage?.properties as Record<string, JsonSchema>).items).toEqual({ type: "array", items: { $ref: "#/components/schemas/Need" } });
    expect(props(schemas.Error)).toEqual(["error"]);
    // No noise from zod's safe-integer bounds.
    expect(JSON.stringify(doc)).not.toContain("9007199254740991");
  });

  it("types the query parameters as the handlers parse them", () => {
    const params = doc.paths["/search"]?.get?.parameters as { name: string; required: boolean; schema: JsonSchema; explode?: boolean }[];
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.type).toMatchObject({ required: true, schema: { enum: ["needs", "results"] } });
    expect(byName.q).toMatchObject({ required: false, schema: { type: "string", maxLength: 200 } });
    expect(byName.limit).toMatchObject({ required: false, schema: { type: "integer", minimum: 1, maximum: 50, default: 20 } });
    expect(byName.collaborationModes).toMatchObject({ explode: false, schema: { type: "array" } });
  });
});
