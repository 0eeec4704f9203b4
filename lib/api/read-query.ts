import type { z } from "zod";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { searchParamsToObject } from "./query-schemas";

// Parses a request's query string with one of the schemas in query-schemas.ts: 422 naming the
// parameter on bad input, like a body field.
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  return parseOrThrow(schema, searchParamsToObject(new URL(request.url).searchParams));
}
