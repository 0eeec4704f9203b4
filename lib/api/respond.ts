import "server-only";
import { NextResponse } from "next/server";
import { isClientAbort, isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError, errorStatus } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { Locale } from "@/i18n/routing";
import { wordError, wordFields } from "@/lib/errors-edge";

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

type DbError = { name: string; code: string; meta?: { modelName?: string; driverAdapterError?: { cause?: { constraint?: { index?: string } } } } };

const isDbError = (e: unknown): e is DbError =>
  e instanceof Error && e.name === "PrismaClientKnownRequestError" && typeof (e as { code?: unknown }).code === "string";

/**
 * Database errors that a request's own values cause, as the 4xx they are: a unique value that
 * is already taken (P2002, e.g. a result's externalId) and a number too large for its column
 * (P2020). A safety net: services and schemas should catch these first, with better messages.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  if (!isDbError(error)) return null;
  if (error.code === "P2002") {
    const index = error.meta?.driverAdapterError?.cause?.constraint?.index ?? "";
    const model = error.meta?.modelName ?? "";
    const columns = index.startsWith(`${model}_`) && index.endsWith("_key") ? index.slice(model.length + 1, -4).split("_") : [];
    const taken = columns.filter((c) => c !== "organisationId" && c !== "userId" && c !== "");
    return new AppError("CONFLICT", {
      key: "api.duplicate",
      fields: taken.length ? Object.fromEntries(taken.map((c) => [c, ["v.valueTaken" as const]])) : undefined,
      cause: error,
    });
  }
  if (error.code === "P2020") {
    return new AppError("VALIDATION", { key: "api.outOfRange", cause: error });
  }
  return null;
}

/** The status nginx logs for a request its client closed first; nobody reads the answer. */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * The error answer of a route handler. Pass the request's `signal`: a request its client
 * abandoned is logged as such (info), answered 499 and not counted as a failure of ours.
 */
export function jsonError(error: unknown, options: { requestId?: string; locale?: Locale; signal?: AbortSignal | null } = {}): NextResponse<ApiErrorBody> {
  const { requestId, locale = "zh-CN" } = options;
  // Whether the client is still there, on every failure we log: an outage seen only by requests
  // already given up on reads differently from one that users saw.
  const clientAborted = options.signal?.aborted || undefined;
  if (!(error instanceof AppError) && isClientAbort(error, options.signal)) {
    logger.info({ requestId, reason: (error as Error)?.message }, "request aborted by the client");
    return NextResponse.json(
      { error: { code: "CLIENT_CLOSED_REQUEST", message: wordError(new AppError("BAD_REQUEST", { key: "api.clientClosed" }), locale) } },
      { status: CLIENT_CLOSED_REQUEST },
    );
  }
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
    // A clear, retryable answer instead of a 500; details go to the log.
    logger.error({ err: error, requestId, clientAborted }, "database unavailable");
    error = new AppError("UNAVAILABLE", { key: "api.databaseUnavailable", retryAfterSeconds: 5 });
  }
  const fromDb = fromDatabaseError(error);
  if (fromDb) {
    logger.warn(
      { dbCode: (error as DbError).code, model: (error as DbError).meta?.modelName, requestId },
      `database rejected the request's values: ${fromDb.code}`,
    );
    error = fromDb;
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    if (error.status >= 500) logger.error({ err: error, detail: error.detail, requestId, clientAborted }, "request failed");
    const fields = wordFields(error, locale);
    return NextResponse.json(
      { error: { code: error.code, message: wordError(error, locale), ...(fields ? { fields } : {}) } },
      { status: error.status, headers },
    );
  }
  // Unexpected: details go to the log, the caller gets a safe message.
  logger.error({ err: error, requestId, clientAborted }, "unexpected error");
  return NextResponse.json({ error: { code: "INTERNAL", message: wordError(new AppError("INTERNAL"), locale) } }, { status: errorStatus.INTERNAL });
}
