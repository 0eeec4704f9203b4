// OpenAPI 3.1 object shapes used by the v1 document (only what the document uses).
export type JsonSchema = { [key: string]: unknown };
export type Ref = { $ref: string };

export type ParameterObject = {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description?: string;
  style?: "form";
  explode?: boolean;
  schema: JsonSchema;
};

export type MediaType = { schema: JsonSchema | Ref };
export type ResponseObject = {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaType>;
};

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
