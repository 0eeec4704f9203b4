import { z } from "zod";

// FormData -> the plain object the action's zod schema parses. Fields the schema declares as
// arrays take every non-blank value (checkbox groups, repeated inputs, several files; a group
// with nothing checked is absent unless a hidden empty input of its name says "none"); others take the
// single value, or the values joined with "," when a form sends several (comma lists such as
// keywords). A blank text field counts as absent (the schema's default or "required" applies),
// so is an empty file input (one nameless empty File); files stay files. Next.js's own
// "$ACTION_*" fields are never input.
export function inputFromFormData(schema: z.ZodType | undefined, formData: FormData): Record<string, unknown> {
  const shape = objectShapeOf(schema);
  const names = shape ? Object.keys(shape) : [...new Set([...formData.keys()])].filter((name) => !name.startsWith("$ACTION"));
  const input: Record<string, unknown> = {};
  for (const name of names) {
    const sent = formData.getAll(name);
    const all = sent.filter((v) => (typeof v === "string" ? v.trim() !== "" : v.size > 0));
    // A list the form sent (a hidden empty input marks a checkbox group) is its values, maybe none.
    if (shape && isArraySchema(shape[name])) {
      // One value for a list that the schema splits itself (keywords "a、b", patents "x; y"):
      // the text, so its preprocess splits it; several values (checkbox groups) as the list.
      if (sent.length > 0) input[name] = all.length === 1 && typeof all[0] === "string" && splitsText(shape[name]) ? all[0] : all;
      continue;
    }
    if (all.length === 0) continue;
    if (all.length === 1 || all.some((v) => typeof v !== "string")) input[name] = all[0];
    else input[name] = all.join(",");
  }
  return input;
}

/** A button's or a component's input object: like a form, only the schema's fields are read. */
export function inputFromObject(schema: z.ZodType | undefined, object: Record<string, unknown>): Record<string, unknown> {
  const shape = objectShapeOf(schema);
  if (!shape) return { ...object };
  const input: Record<string, unknown> = {};
  for (const name of Object.keys(shape)) if (object[name] !== undefined) input[name] = object[name];
  return input;
}

/** What the form shows again after an error, so nothing typed is lost (passwords are never sent back). */
export function echoValues(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (/password/i.test(name)) continue;
    if (typeof value === "string") values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((v) => typeof v === "string").join(",");
    else if (typeof value === "number" || typeof value === "boolean") values[name] = String(value);
  }
  return values;
}

/** The input without the named top-level fields (a draft saves what is valid and reports the rest). */
export function withoutFields(input: Record<string, unknown>, fieldPaths: string[]): Record<string, unknown> {
  const rest = { ...input };
  for (const path of fieldPaths) delete rest[path.split(".")[0]!];
  return rest;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    else return current;
  }
  return current;
}

function objectShapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
}

/** A list schema behind a preprocess (z.preprocess(split, z.array(...))): it takes text too. */
function splitsText(schema: z.ZodType | undefined): boolean {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else return current instanceof z.ZodPipe && current.in instanceof z.ZodTransform;
  }
  return false;
}

function isArraySchema(schema: z.ZodType | undefined): boolean {
  return unwrap(schema) instanceof z.ZodArray;
}
