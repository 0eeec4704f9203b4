import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainLocaleError } from "./plain-words";

const messageOf = (schema: z.ZodType, input: unknown, locale: "zh-CN" | "en") =>
  schema.safeParse(input, { error: plainLocaleError(locale) }).error?.issues[0]?.message;

describe("plain-word field errors", () => {
  it("words lengths and bounds as people say them, in both languages", () => {
    expect(messageOf(z.string().min(20), "短", "zh-CN")).toBe("至少 20 个字");
    expect(messageOf(z.string().min(20), "short", "en")).toBe("At least 20 characters");
    expect(messageOf(z.string().max(5), "太长的一句话了", "zh-CN")).toBe("最多 5 个字");
    expect(messageOf(z.number().int().min(1).max(9), 12, "zh-CN")).toBe("不能大于 9");
    expect(messageOf(z.coerce.number().int(), "abc", "en")).toBe("Enter a number");
    expect(messageOf(z.string().trim().min(1), "  ", "zh-CN")).toBe("必填");
    expect(messageOf(z.object({ title: z.string() }), {}, "en")).toBe("Required");
  });

  it("never shows type names or operators", () => {
    const text = [messageOf(z.string().min(20), "x", "zh-CN"), messageOf(z.array(z.string()).max(2), ["a", "b", "c"], "zh-CN")].join(" ");
    expect(text).not.toMatch(/string|array|>=|<=/);
  });
});
