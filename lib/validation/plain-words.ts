import { z } from "zod";

type Locale = "zh-CN" | "en";
type Issue = Parameters<z.core.$ZodErrorMap>[0];

// Field errors in plain words. zod's own Chinese locale says "数值过小：期望 string >=20 字符"
// (type names and operators); people filling in a form read "至少 20 个字". Issues not worded
// here fall back to zod's locale.
const WORDS: Record<Locale, { min: Record<string, (n: number) => string>; max: Record<string, (n: number) => string>; required: string; number: string }> = {
  "zh-CN": {
    min: { string: (n) => `至少 ${n} 个字`, number: (n) => `不能小于 ${n}`, array: (n) => `至少选择或填写 ${n} 项` },
    max: { string: (n) => `最多 ${n} 个字`, number: (n) => `不能大于 ${n}`, array: (n) => `最多 ${n} 项` },
    required: "必填",
    number: "请输入数字",
  },
  en: {
    min: { string: (n) => `At least ${n} characters`, number: (n) => `Must be at least ${n}`, array: (n) => `Choose or enter at least ${n}` },
    max: { string: (n) => `At most ${n} characters`, number: (n) => `Must be at most ${n}`, array: (n) => `At most ${n} items` },
    required: "Required",
    number: "Enter a number",
  },
};

const fallback = { "zh-CN": z.locales.zhCN().localeError, en: z.locales.en().localeError };

export function plainLocaleError(locale: Locale): z.core.$ZodErrorMap {
  const words = WORDS[locale];
  return (issue: Issue) => {
    if (issue.code === "too_small" && typeof issue.minimum === "number") {
      // A required text left empty reads as "required", not "at least 1 character".
      if (issue.origin === "string" && issue.minimum === 1) return words.required;
      const word = words.min[issue.origin];
      if (word) return word(issue.inclusive === false ? issue.minimum + 1 : issue.minimum);
    }
    if (issue.code === "too_big" && typeof issue.maximum === "number") {
      const word = words.max[issue.origin];
      if (word) return word(issue.inclusive === false ? issue.maximum - 1 : issue.maximum);
    }
    if (issue.code === "invalid_type" && issue.input === undefined) return words.required;
    if (issue.code === "invalid_type" && (issue.expected === "number" || issue.expected === "int")) return words.number;
    return fallback[locale](issue);
  };
}
