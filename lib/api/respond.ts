import "server-only";
import { NextResponse } from "next/server";
import { isClientAbort, isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError, errorStatus, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { UiLocale } from "@/lib/validation/parse-input";

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

// Chinese wording per error code. Services and lib/policy word their messages in English; a
// message that already carries Chinese (validation, the search outage) is kept as it is.
const zhMessages: Record<ErrorCode, string> = {
  BAD_REQUEST: "请求格式有误（例如 JSON 无法解析）",
  UNAUTHENTICATED: "请先登录，或在 Authorization 头中提供有效的访问令牌",
  FORBIDDEN: "您无权执行此操作",
  NOT_FOUND: "未找到",
  CONFLICT: "该记录已被他人修改，请刷新后重试",
  PAYLOAD_TOO_LARGE: "请求体过大",
  UNSUPPORTED_MEDIA_TYPE: "请以 application/json 格式发送请求体",
  VALIDATION: "部分字段有误",
  RATE_LIMITED: "请求过于频繁，请稍后再试",
  UNAVAILABLE: "服务暂时不可用，请稍后重试",
  INTERNAL: "服务器出错了，请稍后再试",
};

const CJK = /[\u3400-\u9fff]/;

export function localizedMessage(code: ErrorCode, message: string, locale: UiLocale): string {
  if (locale !== "zh-CN" || CJK.test(message)) return message;
  return zhMessages[code];
}

type DbError = { name: string; code: string; meta?: { modelName?: string; driverAdapterError?: { cause?: { constraint?: { index?: string } } } } };

const isDbError = (e: unknown): e is DbError =>
  e instanceof Error && e.name === "PrismaClientKnownRequestError" && typeof (e as { code?: unknown }).code === "string";

/**
 * Database errors that a request's own values cause, as the 4xx they are: a unique value that
 * is already taken (P2002, e.g. a result's externalId) and a number too large for its column
 * (P2020). A safety net: services and schemas should catch these first, with better messages.
 */
export function fromDatabaseError(error: unknown, locale: UiLocale): AppError | null {
  if (!isDbError(error)) return null;
  const zh = locale === "zh-CN";
  if (error.code === "P2002") {
    const index = error.meta?.driverAdapterError?.cause?.constraint?.index ?? "";
    const model = error.meta?.modelName ?? "";
    const columns = index.startsWith(`${model}_`) && index.endsWith("_key") ? index.slice(model.length + 1, -4).split("_") : [];
    const taken = columns.filter((c) => c !== "organisationId" && c !== "userId" && c !== "");
    const message = zh ? "该值已被使用" : "This value is already in use";
    return new AppError("CONFLICT", zh ? "已存在相同的记录" : "An item with the same unique value already exists", {
      fields: taken.length ? Object.fromEntries(taken.map((c) => [c, [message]])) : undefined,
      cause: error,
    });
  }
  if (error.code === "P2020") {
    return new AppError("VALIDATION", zh ? "数值超出允许范围" : "A number is out of the allowed range", { cause: error });
  }
  return null;
}

/** The status nginx logs for a request its client closed first; nobody reads the answer. */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * The error answer of a route handler. Pass the request's `signal`: a request its client
 * abandoned is logged as such (info), answered 499 and not counted as a failure of ours.
 */
export function jsonError(error: unknown, options: { requestId?: string; locale?: UiLocale; signal?: AbortSignal | null } = {}): NextResponse<ApiErrorBody> {
  const { requestId, locale = "en" } = options;
  // Whether the client is still there, on every failure we log: an outage seen only by requests
  // already given up on reads differently from one that users saw.
  const clientAborted = options.signal?.aborted || undefined;
  if (!(error instanceof AppError) && isClientAbort(error, options.signal)) {
    logger.info({ requestId, reason: (error as Error)?.message }, "request aborted by the client");
    return NextResponse.json(
      { error: { code: "CLIENT_CLOSED_REQUEST", message: "The client closed the request before the answer" } },
      { status: CLIENT_CLOSED_REQUEST },
    );
  }
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
    // A clear, retryable answer instead of a 500; details go to the log.
    logger.error({ err: error, requestId, clientAborted }, "database unavailable");
    error = new AppError("UNAVAILABLE", "The database is temporarily unavailable; please retry shortly", {
      retryAfterSeconds: 5,
    });
  }
  const fromDb = fromDatabaseError(error, locale);
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
    const message = localizedMessage(error.code, error.message, locale);
    return NextResponse.json({ error: { code: error.code, message, ...(error.fields ? { fields: error.fields } : {}) } }, { status: error.status, headers });
  }
  // Unexpected: details go to the log, the caller gets a safe message.
  logger.error({ err: error, requestId, clientAborted }, "unexpected error");
  return NextResponse.json(
    { error: { code: "INTERNAL", message: localizedMessage("INTERNAL", "Something went wrong", locale) } },
    { status: errorStatus.INTERNAL },
  );
}
