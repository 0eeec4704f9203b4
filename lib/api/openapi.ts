import { z } from "zod";
import { contractSchema, respondSchema, transitionSchema } from "@/lib/deals/schemas";
import { createNeedSchema, updateNeedSchema } from "@/lib/needs/schemas";
import { auditExportQuerySchema, decideAccessSchema, postMessageSchema, requestAccessSchema, revokeAccessSchema } from "@/lib/access/schemas";
import { createResultSchema } from "@/lib/results/schemas";
import { DEFAULT_API_REQUESTS_PER_MINUTE } from "./consume-api-quota";
import { MAX_JSON_BYTES } from "./read-json";
import { challengePaths } from "./openapi-challenges";
import { matchesQuerySchema, pageQuerySchema, searchQuerySchema } from "./query-schemas";
import {
  apiErrorSchema,
  catalogHitSchema,
  matchListSchema,
  matchSchema,
  needPageSchema,
  needViewSchema,
  resultPageSchema,
  resultViewSchema,
  searchPageSchema,
} from "./response-schemas";

// The OpenAPI 3.1 description of REST API v1, served at GET /api/v1/openapi.json.
// Request bodies, query parameters and response bodies are generated from the same zod schemas
// the handlers parse with (lib/needs/schemas.ts, lib/results/schemas.ts, query-schemas.ts) and
// the response schemas checked against the presenters (response-schemas.ts), so the document
// cannot drift from the code. Only what JSON Schema cannot say (cross-field rules) is written
// by hand below.

export type JsonSchema = { [key: string]: unknown };

export type ParameterObject = {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description?: string;
  style?: "form";
  explode?: boolean;
  schema: JsonSchema;
};

type MediaType = { schema: JsonSchema };
export type ResponseObject = {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaType>;
};
type Ref = { $ref: string };

export type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: (ParameterObject | Ref)[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject | Ref>;
};

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type PathItem = Partial<Record<HttpMethod, OperationObject>>;

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: {
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
  };
};

const schemaRef = (id: string): Ref => ({ $ref: `#/components/schemas/${id}` });
const responseRef = (id: string): Ref => ({ $ref: `#/components/responses/${id}` });
const parameterRef = (id: string): Ref => ({ $ref: `#/components/parameters/${id}` });

/**
 * Converts the schemas of a registry to JSON Schema in one go (io "input" for request bodies,
 * "output" for responses); a schema used inside another becomes a $ref to its component.
 */
function componentSchemas(entries: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    // Refinements (budget range, teaser required) are not representable: documented by hand.
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

const SAFE_INT_BOUNDS = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];

// zod writes the safe-integer range on every int() and closes every output object; responses
// stay open so that adding a field later does not break clients that validate strictly.
function tidy(json: JsonSchema, io: "input" | "output"): void {
  if (json.type === "integer") {
    if (json.minimum === SAFE_INT_BOUNDS[0]) delete json.minimum;
    if (json.maximum === SAFE_INT_BOUNDS[1]) delete json.maximum;
  }
  if (io === "output" && json.additionalProperties === false) delete json.additionalProperties;
}

/** A request body schema straight from the zod schema the route parses with. */
function bodySchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", override: ({ jsonSchema }) => tidy(jsonSchema, "input") }) as JsonSchema;
}

/** One OpenAPI query parameter per key of a (strict) query schema, typed as the schema parses it. */
export function queryParameters(schema: z.ZodObject): ParameterObject[] {
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", override: ({ jsonSchema }) => tidy(jsonSchema, "input") }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: "query" as const,
      required: json.required?.includes(name) ?? false,
      ...(typeof description === "string" ? { description } : {}),
      // Lists are comma-separated: ?collaborationModes=LICENCE,EQUITY (repeating the name works too).
      ...(rest.type === "array" ? { style: "form" as const, explode: false } : {}),
      schema: rest,
    };
  });
}

const json = (schema: JsonSchema | Ref): Record<string, MediaType> => ({ "application/json": { schema } });

function errorResponse(description: string): ResponseObject {
  return { description, content: json(schemaRef("Error")) };
}

function buildDocument(): OpenApiDocument {
  const inputs = componentSchemas(
    {
      CreateNeedInput: createNeedSchema,
      UpdateNeedInput: updateNeedSchema,
      CreateResultInput: createResultSchema,
      RequestAccessInput: requestAccessSchema,
      DecideAccessInput: decideAccessSchema,
      RevokeAccessInput: revokeAccessSchema,
      PostMessageInput: postMessageSchema,
    },
    "input",
  );
  // Cross-field rules of lib/needs/schemas.ts that a JSON Schema keyword can state.
  const confidentialNeedsTeaser = {
    if: { properties: { visibility: { const: "CONFIDENTIAL" } }, required: ["visibility"] },
    then: { required: ["teaser"], properties: { teaser: { minLength: 1 } } },
  };
  inputs.CreateNeedInput = {
    ...inputs.CreateNeedInput,
    description:
      "A new need. budgetMinCny must not exceed budgetMaxCny (422 naming budgetMinCny). A CONFIDENTIAL need must have a teaser: " +
      "other organisations only ever see its title, teaser, field, chain node, TRL and budget. Unknown fields are rejected (422).",
    allOf: [confidentialNeedsTeaser],
  };
  inputs.UpdateNeedInput = {
    ...inputs.UpdateNeedInput,
    description:
      "Fields to change (at least one). The rules of CreateNeedInput are checked again on the need as it would be after the change, " +
      "e.g. a new budgetMinCny against the stored budgetMaxCny, or visibility CONFIDENTIAL on a need without a teaser.",
    minProperties: 1,
  };
  inputs.CreateResultInput = {
    ...inputs.CreateResultInput,
    description: "A new research result. externalId (optional) is your own reference, unique within your organisation.",
  };

  const outputs = componentSchemas(
    {
      Need: needViewSchema,
      Result: resultViewSchema,
      NeedPage: needPageSchema,
      ResultPage: resultPageSchema,
      SearchPage: searchPageSchema,
      SearchHit: catalogHitSchema,
      MatchList: matchListSchema,
      Match: matchSchema,
      Error: apiErrorSchema,
    },
    "output",
  );

  const pageParams = queryParameters(pageQuerySchema);
  const idParam: ParameterObject = { name: "id", in: "path", required: true, schema: { type: "string" } };

  const responses: Record<string, ResponseObject> = {
    BadRequest: errorResponse("Malformed JSON"),
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

  const common = { "401": responseRef("Unauthenticated"), "429": responseRef("RateLimited") };
  const withBody = {
    "400": responseRef("BadRequest"),
    "413": responseRef("PayloadTooLarge"),
    "415": responseRef("UnsupportedMediaType"),
    "422": responseRef("ValidationFailed"),
  };
  const location = { Location: { description: "URL of the new item", schema: { type: "string" } } };

  const paths: Record<string, PathItem> = {
    "/needs": {
      get: {
        operationId: "listNeeds",
        summary: "List needs",
        description:
          "Needs the caller may discover, newest first: live needs of every organisation except BROKER_ONLY ones, plus all of the caller's own. " +
          'CONFIDENTIAL needs of other organisations appear as teasers (access: "teaser", description null).',
        tags: ["Needs"],
        parameters: pageParams.map((p) => parameterRef(`page.${p.name}`)),
        responses: { "200": { description: "One page of needs", content: json(schemaRef("NeedPage")) }, "422": responseRef("ValidationFailed"), ...common },
      },
      post: {
        operationId: "createNeed",
        summary: "Post a need",
        description: "Company accounts only. The need is published at once and indexed for search shortly after.",
        tags: ["Needs"],
        requestBody: { required: true, content: json(schemaRef("CreateNeedInput")) },
        responses: {
          "201": { description: "The new need, as the caller sees it", headers: location, content: json(schemaRef("Need")) },
          ...withBody,
          ...common,
          "403": responseRef("Forbidden"),
        },
      },
    },
    "/needs/{id}": {
      get: {
        operationId: "getNeed",
        summary: "Read a need",
        description: 'A CONFIDENTIAL need of another organisation comes back as a teaser (access: "teaser", no description); a BROKER_ONLY one is 404.',
        tags: ["Needs"],
        parameters: [parameterRef("id")],
        responses: { "200": { description: "The need as the caller may see it", content: json(schemaRef("Need")) }, "404": responseRef("NotFound"), ...common },
      },
      patch: {
        operationId: "updateNeed",
        summary: "Change a need",
        description: "Company accounts of the owning organisation only; anyone else gets 404 (or 403 when they can see the need). Bumps version.",
        tags: ["Needs"],
        parameters: [parameterRef("id")],
        requestBody: { required: true, content: json(schemaRef("UpdateNeedInput")) },
        responses: {
          "200": { description: "The need after the change", content: json(schemaRef("Need")) },
          ...withBody,
          ...common,
          "403": responseRef("Forbidden"),
          "404": responseRef("NotFound"),
          "409": responseRef("Conflict"),
        },
      },
    },
    "/needs/{id}/matches": {
      get: {
        operationId: "listNeedMatches",
        summary: "Research results matching a need",
        description: "Only for callers who may read the need in full (its owners, brokers, and anyone for PUBLIC and ANONYMOUS needs); others get 404.",
        tags: ["Needs", "Search"],
        parameters: [parameterRef("id"), ...queryParameters(matchesQuerySchema)],
        responses: {
          "200": { description: "Matching results, best first", content: json(schemaRef("MatchList")) },
          "404": responseRef("NotFound"),
          "422": responseRef("ValidationFailed"),
          "503": responseRef("Unavailable"),
          ...common,
        },
      },
    },
    ...accessPaths(json, schemaRef, responseRef, parameterRef, withBody, common),
    ...challengePaths({ json, query: queryParameters, responseRef, parameterRef, withBody, common }),
    "/results": {
      get: {
        operationId: "listResults",
        summary: "List research results",
        description: "Published results of every organisation plus all of the caller's own, newest first.",
        tags: ["Results"],
        parameters: pageParams.map((p) => parameterRef(`page.${p.name}`)),
        responses: { "200": { description: "One page of results", content: json(schemaRef("ResultPage")) }, "422": responseRef("ValidationFailed"), ...common },
      },
      post: {
        operationId: "createResult",
        summary: "Publish a research result",
        description: "Researcher and broker accounts only.",
        tags: ["Results"],
        requestBody: { required: true, content: json(schemaRef("CreateResultInput")) },
        responses: {
          "201": { description: "The new result", headers: location, content: json(schemaRef("Result")) },
          ...withBody,
          ...common,
          "403": responseRef("Forbidden"),
          "409": responseRef("Conflict"),
        },
      },
    },
    "/results/{id}": {
      get: {
        operationId: "getResult",
        summary: "Read a research result",
        tags: ["Results"],
        parameters: [parameterRef("id")],
        responses: { "200": { description: "The result", content: json(schemaRef("Result")) }, "404": responseRef("NotFound"), ...common },
      },
    },
    "/search": {
      get: {
        operationId: "searchCatalog",
        summary: "Search needs or results",
        description: "Full-text search (Chinese and English) over what the caller may see; confidential needs match on their teaser fields only.",
        tags: ["Search"],
        parameters: queryParameters(searchQuerySchema),
        responses: {
          "200": { description: "One page of hits", content: json(schemaRef("SearchPage")) },
          "422": responseRef("ValidationFailed"),
          "503": responseRef("Unavailable"),
          ...common,
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        tags: ["Meta"],
        security: [],
        responses: { "200": { description: "OpenAPI 3.1 document", content: json({ type: "object" }) } },
      },
    },
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "TechBridge API (技术桥)",
      version: "1.0.0",
      description:
        "REST API v1 for technology needs and research results. Authenticate with a personal access token: " +
        "`Authorization: Bearer tb_pat_...` (create one on your account page). Bodies are JSON (at most 256 KiB); unknown fields are rejected. " +
        "Errors are `{ error: { code, message, fields? } }`; messages are Chinese when Accept-Language starts with zh, English otherwise. " +
        `Each user may send ${DEFAULT_API_REQUESTS_PER_MINUTE} requests a minute (429 with Retry-After beyond that).`,
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    tags: [
      { name: "Needs", description: "Technology needs (技术需求) posted by companies" },
      { name: "Results", description: "Research results (科技成果) offered by researchers" },
      { name: "Search", description: "Full-text search and matching" },
      { name: "Access", description: "Confidential needs: NDA, access requests, grants, message threads and the audit log" },
      { name: "Challenges", description: "揭榜挂帅: challenges with a bounty, applications, panel review, award, project milestones and outcome" },
      { name: "Meta", description: "About the API itself" },
    ],
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
        id: idParam,
        ...Object.fromEntries(pageParams.map((p) => [`page.${p.name}`, p])),
      },
      responses,
    },
  };
}

export const openApiDocument: OpenApiDocument = buildDocument();

// Confidential access (issue 4). Every read follows the same rules as the pages: a need the
// caller may not know exists is 404, the thread is as confidential as the need.
function accessPaths(
  json: (schema: JsonSchema | Ref) => Record<string, MediaType>,
  schemaRef: (id: string) => Ref,
  responseRef: (id: string) => Ref,
  parameterRef: (id: string) => Ref,
  withBody: Record<string, Ref>,
  common: Record<string, Ref>,
): Record<string, PathItem> {
  const object = (description: string): ResponseObject => ({ description, content: json({ type: "object" }) });
  const notFound = { "404": responseRef("NotFound") };
  return {
    "/deals/{id}": {
      get: {
        operationId: "getDeal",
        summary: "A deal (introduction) as the caller may see it",
        description: "Broker, need owner or the introduced researcher; identities follow the need's visibility until both sides accept.",
        tags: ["Deals"],
        parameters: [parameterRef("id")],
        responses: { "200": object("the deal view with state, version, timeline, contract and follow-ups"), ...notFound, ...common },
      },
    },
    "/deals/{id}/respond": {
      post: {
        operationId: "respondToIntroduction",
        summary: "Accept or decline an introduction (decline needs a reason code)",
        tags: ["Deals"],
        parameters: [parameterRef("id")],
        requestBody: { required: true, content: json(bodySchema(respondSchema)) },
        responses: { "200": object("the deal view"), ...withBody, ...notFound, "409": responseRef("Conflict"), ...common },
      },
    },
    "/deals/{id}/transitions": {
      post: {
        operationId: "transitionDeal",
        summary: "Move a deal to its next state (only valid transitions; version check)",
        description: "An invalid move is 422; a stale `version` is 409 and nothing is saved.",
        tags: ["Deals"],
        parameters: [parameterRef("id")],
        requestBody: { required: true, content: json(bodySchema(transitionSchema)) },
        responses: { "200": object("the deal view"), ...withBody, ...notFound, "409": responseRef("Conflict"), ...common },
      },
    },
    "/deals/{id}/contract": {
      post: {
        operationId: "recordDealContract",
        summary: "Record the contract (type, value, registration number, milestones)",
        tags: ["Deals"],
        parameters: [parameterRef("id")],
        requestBody: { required: true, content: json(bodySchema(contractSchema)) },
        responses: { "200": object("the deal view"), ...withBody, ...notFound, "409": responseRef("Conflict"), ...common },
      },
    },
    "/needs/{id}/nda": {
      get: {
        operationId: "getNeedNda",
        summary: "The NDA of a confidential need",
        description: "Current version, text and its SHA-256; accepting it is part of asking for access.",
        tags: ["Access"],
        parameters: [parameterRef("id")],
        responses: { "200": object("{ version, text, textSha256 }"), ...notFound, ...common },
      },
    },
    "/needs/{id}/access-requests": {
      get: {
        operationId: "listNeedAccessRequests",
        summary: "Access requests on a need",
        description: "The owner's company (or the broker acting for it) gets { items: [...] } with every request; anyone else { own: request | null }.",
        tags: ["Access"],
        parameters: [parameterRef("id")],
        responses: { "200": object("{ items } for the owner, { own } otherwise"), ...notFound, ...common },
      },
      post: {
        operationId: "requestAccess",
        summary: "Ask to read a confidential need",
        description:
          "Researchers only. acceptNda must be true and ndaVersion the current version (409 if it changed); the acceptance is recorded with time, IP and the text's SHA-256.",
        tags: ["Access"],
        parameters: [parameterRef("id")],
        requestBody: { required: true, content: json(schemaRef("RequestAccessInput")) },
        responses: { "201": object("{ id, status: PENDING }"), ...withBody, ...notFound, "409": responseRef("Conflict"), ...common },
      },
    },
    "/needs/{id}/audit": {
      get: {
        operationId: "listNeedAudit",
        summary: "Who saw what and when",
        description:
          "The need's audit trail (views of confidential detail, grants, declines, revocations, NDA acceptances, level changes). Owner or acting broker only.",
        tags: ["Access"],
        parameters: [parameterRef("id")],
        responses: { "200": object("{ items: [{ at, action, actor, detail, ip }] }"), ...notFound, ...common },
      },
    },
    "/access-requests/{id}": {
      patch: {
        operationId: "decideAccess",
        summary: "Approve or decline an access request",
        description:
          "Owner or acting broker. APPROVE grants access for days (default: the need's accessDays, 90 unless set); reasonCode from the documented list.",
        tags: ["Access"],
        parameters: [parameterRef("id")],
        requestBody: { required: true, content: json(schemaRef("DecideAccessInput")) },
        responses: { "200": object("{ id, status, expiresAt }"), ...withBody, ...notFound, "409": responseRef("Conflict"), ...common },
      },
    },
    "/access-requests/{id}/revoke": {
      post: {
        operationId: "revokeAccess",
        summary: "Revoke a grant",
        description: "Owner or acting broker. Takes effect on the researcher's very next request.",
        tags: ["Access"],
        parameters: [parameterRef("id")],
        requestBody: { required: true, content: json(schemaRef("RevokeAccessInput")) },
        responses: { "200": object("{ id, status: REVOKED }"), ...withBody, ...notFound, "409": responseRef("Conflict"), ...common },
      },
    },
    "/access-requests/{id}/messages": {
      get: {
        operationId: "getAccessThread",
        summary: "The message thread of an access request",
        description:
          "The owner side, or the requester while they may read the need in full. The company is anonymous (senderLabel null) until both sides accept an introduction.",
        tags: ["Access"],
        parameters: [parameterRef("id")],
        responses: { "200": object("{ requestId, needId, status, messages }"), ...notFound, ...common },
      },
      post: {
        operationId: "postAccessMessage",
        summary: "Add a message to the thread",
        tags: ["Access"],
        parameters: [parameterRef("id")],
        requestBody: { required: true, content: json(schemaRef("PostMessageInput")) },
        responses: { "201": object("{ id }"), ...withBody, ...notFound, ...common },
      },
    },
    "/audit-log": {
      get: {
        operationId: "exportAuditLog",
        summary: "Export the audit log as CSV",
        description: "Admins only (403 otherwise). The export is itself audited; rows hold ids, levels and reason codes, never need text.",
        tags: ["Access"],
        parameters: queryParameters(auditExportQuerySchema),
        responses: {
          "200": { description: "CSV (UTF-8 with BOM)", content: { "text/csv": { schema: { type: "string" } } } },
          "403": responseRef("Forbidden"),
          "422": responseRef("ValidationFailed"),
          ...common,
        },
      },
    },
  };
}
