import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { AppError, unauthenticated } from "@/lib/errors";
import zhForm from "@/messages/zh-CN/form.json";
import enForm from "@/messages/en/form.json";

// The request's locale is the only thing taken from next-intl's request context.
const locale = vi.hoisted(() => ({ current: "zh-CN" }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => locale.current,
  getTranslations: async ({ locale: l, namespace }: { locale: string; namespace: string }) =>
    createTranslator({ locale: l, messages: { form: l === "en" ? enForm : zhForm }, namespace: namespace as "form.errors" }),
}));

const { errorState } = await import("./form-state");

describe("errorState", () => {
  it("shows generic refusals in the user's language, not the service's English", async () => {
    locale.current = "zh-CN";
    expect((await errorState(unauthenticated(), {}, "x")).message).toBe("请先登录。");
    expect((await errorState(new AppError("RATE_LIMITED", "Too many requests", { retryAfterSeconds: 42 }), {}, "x")).message).toContain("42 秒");
    locale.current = "en";
    expect((await errorState(unauthenticated(), {}, "x")).message).toBe("Please sign in first.");
  });

  it("keeps specific messages and field errors, and hides unexpected errors behind the fallback", async () => {
    const conflict = await errorState(new AppError("CONFLICT", "需求已被他人修改", { fields: { title: ["太短"] } }), { title: "a" }, "x");
    expect(conflict).toEqual({ status: "error", message: "需求已被他人修改", fields: { title: ["太短"] }, values: { title: "a" } });
    expect((await errorState(new Error("db password=secret"), {}, "出错了")).message).toBe("出错了");
  });
});
