import { describe, expect, it, vi } from "vitest";
import { AppError, conflict, unauthenticated } from "@/lib/errors";

// The request's locale is the only thing taken from next-intl's request context.
const locale = vi.hoisted(() => ({ current: "zh-CN" }));
vi.mock("next-intl/server", () => ({ getLocale: async () => locale.current }));

const { errorState } = await import("./form-state");

describe("errorState", () => {
  it("words errors in the user's language", async () => {
    locale.current = "zh-CN";
    expect((await errorState(unauthenticated(), {}, "x")).message).toBe("请先登录。");
    expect((await errorState(new AppError("RATE_LIMITED", { key: "tooManyRequests", retryAfterSeconds: 42 }), {}, "x")).message).toContain("42 秒");
    locale.current = "en";
    expect((await errorState(unauthenticated(), {}, "x")).message).toBe("Please sign in first.");
    expect((await errorState(conflict("needChanged"), {}, "x")).message).toMatch(/changed by someone else/);
  });

  it("words field keys, and hides unexpected errors behind the fallback", async () => {
    locale.current = "zh-CN";
    const failed = await errorState(new AppError("CONFLICT", { key: "externalIdTaken", fields: { externalId: ["v.externalIdTaken"] } }), { title: "a" }, "x");
    expect(failed).toEqual({ status: "error", message: "本机构已有成果使用该外部编号。", fields: { externalId: ["该值已被使用"] }, values: { title: "a" } });
    expect((await errorState(new Error("db password=secret"), {}, "出错了")).message).toBe("出错了");
  });
});
