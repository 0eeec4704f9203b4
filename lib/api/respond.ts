import "server-only";
import { NextResponse } from "next/server";
import { AppError, errorStatus } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

export function jsonError(error: unknown, requestId?: string): NextResponse<ApiErrorBody> {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    if (error.status >= 500) logger.error({ err: error, detail: error.detail, requestId }, "request failed");
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: error.status, headers },
    );
  }
  // Unexpected: details go to the log, the caller gets a safe message.
  logger.error({ err: error, requestId }, "unexpected error");
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong" } }, { status: errorStatus.INTERNAL });
}
