import { describe, expect, it } from "vitest";
import { z } from "zod";
import { echoValues, inputFromFormData } from "./form-input";

describe("inputFromFormData", () => {
  const schema = z.strictObject({ title: z.string(), modes: z.array(z.string()).default([]), keywords: z.string().optional() });

  it("takes only the schema's fields, arrays as arrays and repeated text joined", () => {
    const fd = new FormData();
    fd.append("title", "注塑");
    fd.append("modes", "LICENSE");
    fd.append("modes", "JOINT_RND");
    fd.append("keywords", "a");
    fd.append("keywords", "b");
    fd.append("$ACTION_ID_x", "");
    fd.append("role", "ADMIN");
    expect(inputFromFormData(schema, fd)).toEqual({ title: "注塑", modes: ["LICENSE", "JOINT_RND"], keywords: "a,b" });
  });

  it("leaves absent fields out so schema defaults apply", () => {
    const fd = new FormData();
    fd.append("title", "x");
    expect(schema.parse(inputFromFormData(schema, fd))).toEqual({ title: "x", modes: [] });
  });

  it("without an object schema takes every field but Next's own", () => {
    const fd = new FormData();
    fd.append("a", "1");
    fd.append("$ACTION_REF_1", "");
    expect(inputFromFormData(undefined, fd)).toEqual({ a: "1" });
  });

  it("echoes strings, lists and numbers back to the form", () => {
    expect(echoValues({ a: "x", b: ["1", "2"], c: 3, d: { nested: true } })).toEqual({ a: "x", b: "1,2", c: "3" });
  });
});

describe("inputFromFormData with lists the schema splits itself", () => {
  it("passes one typed value as text, so keywords 'a、b' and patents 'x; y' are split by the schema", async () => {
    const { keywordsSchema } = await import("@/lib/validation/common");
    const { patentsSchema } = await import("@/lib/results/schemas");
    const schema = z.strictObject({ keywords: keywordsSchema.default([]), patents: patentsSchema.default([]) });
    const fd = new FormData();
    fd.append("keywords", "注塑、阻燃");
    fd.append("patents", "CN2023|INVENTION|GRANTED|CN; US11|DESIGN|PENDING|US");
    const parsed = schema.parse(inputFromFormData(schema, fd));
    expect(parsed.keywords).toEqual(["注塑", "阻燃"]);
    expect(parsed.patents.map((p) => p.number)).toEqual(["CN2023", "US11"]);
  });
});
