import { NextResponse } from "next/server";
import { openApiDocument } from "../operations";

// GET /api/v1/openapi.json : the OpenAPI 3.1 description of API v1. Public, no token needed.
export function GET(): Response {
  return NextResponse.json(openApiDocument, {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
