import { z } from "zod";
import { DEFAULT_API_REQUESTS_PER_MINUTE } from "../consume-api-quota";
import { MAX_JSON_BYTES } from "../read-json";
import { pageQuerySchema } from "../query-schemas";
import { apiErrorSchema } from "../response-schemas";
import type { ErrorResponseName, OperationSpec } from "./define-operation";
import type { JsonSchema, MediaType, OpenApiDocument, OperationObject, ParameterObject, PathItem, Ref, ResponseObject } from "./types";

// Assembles the OpenAPI 3.1 document of REST v1 from the operations declared beside the routes
// (app/api/v1/operations.ts). Named request and response schemas become components (a schema
// used inside another becomes a $ref); only what JSON Schema cannot say (cross-field rules) is
// added by hand, in the operation's `body.extend`.

const schemaRef = (id: string): Ref => ({ $ref: `#/components/schemas/${id}` });
const responseRef = (id: string): Ref => ({ $ref: `#/components/responses/${id}` });
const parameterRef = (id: string): Ref => ({ $ref: `#/components/parameters/${id}` });
const json = (schema: JsonSchema | Ref): Record<string, MediaType> => ({ "application/json": { schema } });

const SAFE_INT_BOUNDS = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];

// zod writes the safe-integer range on every int() and closes every output object; responses
// stay open so that adding a field later does not break clients that validate strictly.
function tidy(schema: JsonSchema, io: "input" | "output"): void {
  if (schema.type === "integer") {
    if (schema.minimum === SAFE_INT_BOUNDS[0]) delete schema.minimum;
    if (schema.maximum === SAFE_INT_BOUNDS[1]) delete schema.maximum;
  }
  if (io === "output" && schema.additionalProperties === false) delete schema.additionalProperties;
}

function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any", override: ({ jsonSchema }) => tidy(jsonSchema, io) }) as JsonSchema;
}

/** Converts named schemas to JSON Schema in one go; a schema used inside another becomes a $ref. */
function componentSchemas(entries: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
    override: ({ jsonSchema }) => tidy(jsonSchema, io),
  });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
    void _schema;
    void _id;
    out[id] = rest;
  }
  return out;
}

/** One OpenAPI query parameter per key of a (strict) query schema, typed as the schema parses it. */
export function queryParameters(schema: z.ZodObject): ParameterObject[] {
  const described = toJsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(described.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: "query" as const,
      required: described.required?.includes(name) ?? false,
      ...(typeof description === "string" ? { description } : {}),
      // Lists are comma-separated: ?collaborationModes=LICENCE,EQUITY (repeating the name works too).
      ...(rest.type === "array" ? { style: "form" as const, explode: false } : {}),
      schema: rest,
    };
  });
}

const errorResponse = (description: string): ResponseObject => ({ description, content: json(schemaRef("Error")) });

const ERROR_RESPONSES: Record<ErrorResponseName | "PayloadTooLarge" | "UnsupportedMediaType", ResponseObject> = {
  BadRequest: errorResponse("Malformed JSON or header"),
  Unauthenticated: errorResponse("No token, or an invalid or revoked one (Authorization: Bearer tb_pat_...)"),
  Forbidden: errorResponse("Your role may not do this (e.g. only company accounts post needs)"),
  NotFound: errorResponse("No such item, or one you may not know exists (another organisation's hidden item)"),
  Conflict: errorResponse("The item changed while your update was being written, or a unique value is taken: reload and retry"),
  PayloadTooLarge: errorResponse(`The body is larger than ${MAX_JSON_BYTES} bytes (256 KiB)`),
  UnsupportedMediaType: errorResponse("The body is not sent as application/json"),
  ValidationFailed: errorResponse("Invalid fields or query parameters, including unknown ones: error.fields names each with its messages"),
  RateLimited: {
    ...errorResponse("Too many requests: wait for Retry-After seconds"),
    headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
  },
  Unavailable: errorResponse("A backing service (search) is temporarily unavailable: retry later"),
};
const STATUS_OF: Record<keyof typeof ERROR_RESPONSES, string> = {
  BadRequest: "400",
  Unauthenticated: "401",
  Forbidden: "403",
  NotFound: "404",
  Conflict: "409",
  PayloadTooLarge: "413",
  UnsupportedMediaType: "415",
  ValidationFailed: "422",
  RateLimited: "429",
  Unavailable: "503",
};

const TAGS: OpenApiDocument["tags"] = [
  { name: "Needs", description: "Technology needs (技术需求) posted by companies" },
  { name: "Results", description: "Research results (科技成果) offered by researchers" },
  { name: "Search", description: "Full-text search and matching" },
  { name: "Access", description: "Confidential needs: NDA, access requests, grants, message threads and the audit log" },
  { name: "Deals", description: "Introductions brokered between a need and a researcher, up to the contract and its follow-ups" },
  { name: "Instruments", description: "Shared large research instruments (大型科研仪器共享): search, booking and sharing metrics" },
  { name: "Challenges", description: "揭榜挂帅: challenges with a bounty, applications, panel review, award, project milestones and outcome" },
  { name: "Meta", description: "About the API itself" },
];

export function buildOpenApiDocument(operations: readonly OperationSpec<z.ZodType>[], components: Record<string, z.ZodType> = {}): OpenApiDocument {
  const inputEntries: Record<string, z.ZodType> = {};
  const outputEntries: Record<string, z.ZodType> = { Error: apiErrorSchema, ...components };
  for (const op of operations) {
    if (op.body?.component) inputEntries[op.body.component] = op.body.schema;
    if (op.response.component) outputEntries[op.response.component] = op.response.schema;
  }
  const inputs = componentSchemas(inputEntries, "input");
  const outputs = componentSchemas(outputEntries, "output");
  for (const op of operations) {
    const name = op.body?.component;
    if (name && (op.body?.extend || op.body?.description))
      inputs[name] = { ...inputs[name], ...(op.body.description ? { description: op.body.description } : {}), ...op.body.extend };
  }

  const pageParams = queryParameters(pageQuerySchema);
  const paths: Record<string, PathItem> = {};
  for (const op of operations) {
    (paths[op.path] ??= {})[op.method] = operationObject(op);
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "TechBridge API (技术桥)",
      version: "1.0.0",
      description:
        "REST API v1 for technology needs and research results. Authenticate with a personal access token: " +
        "`Authorization: Bearer tb_pat_...` (create one on your account page). Bodies are JSON (at most 256 KiB); unknown fields are rejected. " +
        "Errors are `{ error: { code, message, fields? } }`; messages are English when Accept-Language starts with en, Chinese otherwise (also without the header). " +
        `Each user may send ${DEFAULT_API_REQUESTS_PER_MINUTE} requests a minute (429 with Retry-After beyond that).`,
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    tags: TAGS,
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "Personal access token (tb_pat_...), shown once when created; acts with the permissions of the user who created it.",
        },
      },
      schemas: { ...outputs, ...inputs },
      parameters: {
        id: { name: "id", in: "path", required: true, schema: { type: "string" } },
        ...Object.fromEntries(pageParams.map((p) => [`page.${p.name}`, p])),
      },
      responses: Object.fromEntries(Object.entries(ERROR_RESPONSES)),
    },
  };

  function operationObject(op: OperationSpec<z.ZodType>): OperationObject {
    const parameters: (ParameterObject | Ref)[] = [];
    if (op.path.includes("{id}")) parameters.push(parameterRef("id"));
    if (op.pageQuery) parameters.push(...pageParams.map((p) => parameterRef(`page.${p.name}`)));
    if (op.query) parameters.push(...queryParameters(op.query));

    const { response } = op;
    const content = response.contentType
      ? { [response.contentType]: { schema: { type: "string" } } }
      : json(response.component ? schemaRef(response.component) : toJsonSchema(response.schema, "output"));
    const responses: Record<string, ResponseObject | Ref> = {
      [String(response.status)]: { description: response.description, ...(response.headers ? { headers: response.headers } : {}), content },
    };
    const errors = new Set<keyof typeof ERROR_RESPONSES>(op.errors ?? []);
    if (!op.public) ["Unauthenticated", "RateLimited"].forEach((e) => errors.add(e as ErrorResponseName));
    if (op.body) ["BadRequest", "PayloadTooLarge", "UnsupportedMediaType", "ValidationFailed"].forEach((e) => errors.add(e as ErrorResponseName));
    if (op.query || op.pageQuery) errors.add("ValidationFailed");
    for (const name of errors) responses[STATUS_OF[name]] = responseRef(name);

    const body = op.body;
    return {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      ...(op.public ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: json(body.component ? schemaRef(body.component) : toJsonSchema(body.schema, "input")) } } : {}),
      responses,
    };
  }
}
