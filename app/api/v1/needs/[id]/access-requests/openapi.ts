import { accessRequestCreatedSchema, accessRequestsSchema } from "@/lib/api/access-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { requestAccessSchema } from "@/lib/access/schemas";

export const listNeedAccessRequestsOperation = defineOperation({
  method: "get",
  path: "/needs/{id}/access-requests",
  operationId: "listNeedAccessRequests",
  summary: "Access requests on a need",
  description: "The owner's company (or the broker acting for it) gets { items: [...] } with every request; anyone else { own: request | null }.",
  tags: ["Access"],
  response: { status: 200, description: "{ items } for the owner, { own } otherwise", schema: accessRequestsSchema, component: "AccessRequests" },
  errors: ["NotFound"],
});

export const requestAccessOperation = defineOperation({
  method: "post",
  path: "/needs/{id}/access-requests",
  operationId: "requestAccess",
  summary: "Ask to read a confidential need",
  description:
    "Researchers only. acceptNda must be true and ndaVersion the current version (409 if it changed); the acceptance is recorded with time, IP and the text's SHA-256.",
  tags: ["Access"],
  body: { schema: requestAccessSchema, component: "RequestAccessInput" },
  response: { status: 201, description: "The pending request", schema: accessRequestCreatedSchema },
  errors: ["NotFound", "Conflict"],
});
