import { z } from "zod";

// FormData -> the plain object the action's zod schema parses. Fields the schema declares as
// arrays take every value (checkbox groups, repeated inputs); others take the single value, or
// the values joined with "," when a form sends several (comma lists such as keywords). Files
// stay files. Next.js's own "$ACTION_*" fields are never input.
export function inputFromFormData(schema: z.ZodType | undefined, formData: FormData): Record<string, unknown> {
  const shape = objectShapeOf(schema);
  const names = shape ? Object.keys(shape) : [...new Set([...formData.keys()])].filter((name) => !name.startsWith("$ACTION"));
  const input: Record<string, unknown> = {};
  for (const name of names) {
    const all = formData.getAll(name);
    if (all.length === 0) continue;
    if (shape && isArraySchema(shape[name])) input[name] = all.filter((v) => typeof v === "string");
    else if (all.length === 1 || all.some((v) => typeof v !== "string")) input[name] = all[0];
    else input[name] = all.join(",");
  }
  return input;
}

/** What the form shows again after an error, so nothing typed is lost. */
export function echoValues(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value === "string") values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((v) => typeof v === "string").join(",");
    else if (typeof value === "number" || typeof value === "boolean") values[name] = String(value);
  }
  return values;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
  return current;
}

function objectShapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
}

function isArraySchema(schema: z.ZodType | undefined): boolean {
  return unwrap(schema) instanceof z.ZodArray;
}
