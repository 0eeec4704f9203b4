import { NextResponse } from "next/server";
import type { z } from "zod";
import type { HttpMethod, JsonSchema } from "./types";

// One REST v1 operation, declared in an `openapi.ts` beside its route.ts (pattern of dub's
// lib/openapi/<resource>/*.ts): its request and response zod schemas are the ones the handler
// parses with and answers with, so the document cannot drift from the code. app/api/v1/operations.ts
// gathers them; a test fails for a route method without an operation.
//
//   export const getNeed = defineOperation({ method: "get", path: "/needs/{id}", ..., response: { schema: needViewSchema, ... } });
//   export const GET = withApi(async (...) => getNeed.json(await viewNeed(...)));

export type ErrorResponseName = "BadRequest" | "Unauthenticated" | "Forbidden" | "NotFound" | "Conflict" | "ValidationFailed" | "RateLimited" | "Unavailable";

export type ApiTag = "Needs" | "Results" | "Search" | "Access" | "Deals" | "Challenges" | "Meta";

type Headers = Record<string, { description: string; schema: JsonSchema }>;

export type OperationSpec<S extends z.ZodType> = {
  method: HttpMethod;
  /** As clients call it, below /api/v1: "/needs/{id}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: ApiTag[];
  /** Answers without a token (no 401/429 documented). */
  public?: boolean;
  /** Query parameters, one per key of the (strict) schema the handler reads the query with. */
  query?: z.ZodObject;
  /** Use the shared page parameters (page, pageSize) as $refs. */
  pageQuery?: boolean;
  body?: { schema: z.ZodType; component?: string; description?: string; extend?: JsonSchema };
  response: {
    status: 200 | 201;
    description: string;
    schema: S;
    /** Name under components.schemas; unnamed schemas are written inline. */
    component?: string;
    headers?: Headers;
    /** Not JSON (e.g. a CSV export): documented as this media type with a string body. */
    contentType?: string;
  };
  errors?: ErrorResponseName[];
};

export type ApiOperation<S extends z.ZodType = z.ZodType> = OperationSpec<S> & {
  /** The success response, typed by the documented schema. */
  json: (data: z.input<S>, init?: { status?: number; headers?: Record<string, string> }) => NextResponse;
};

export function defineOperation<S extends z.ZodType>(spec: OperationSpec<S>): ApiOperation<S> {
  return {
    ...spec,
    json: (data, init = {}) => {
      if (process.env.NODE_ENV === "test") assertDocumented(spec, data);
      return NextResponse.json(data, { status: init.status ?? spec.response.status, headers: init.headers });
    },
  };
}

// Under tests every response is parsed with its documented schema, so a field the presenter adds
// or renames without the schema fails the integration tests that call the route.
function assertDocumented(spec: OperationSpec<z.ZodType>, data: unknown): void {
  const parsed = spec.response.schema.safeParse(data);
  if (!parsed.success) throw new Error(`${spec.operationId}: response does not match its OpenAPI schema: ${parsed.error.message}`);
}
