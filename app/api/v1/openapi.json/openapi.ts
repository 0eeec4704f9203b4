import { z } from "zod";
import { defineOperation } from "@/lib/api/openapi/define-operation";

export const getOpenApiDocumentOperation = defineOperation({
  method: "get",
  path: "/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This document",
  tags: ["Meta"],
  public: true,
  response: { status: 200, description: "OpenAPI 3.1 document", schema: z.record(z.string(), z.unknown()) },
});
