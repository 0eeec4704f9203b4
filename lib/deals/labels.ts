import type { DealState } from "@/lib/generated/prisma/enums";
import type { UiLocale } from "@/lib/validation/parse-input";
import type { DeclineReason } from "./transitions";

// Wording used inside service messages (errors, notifications). Pages use messages/<locale>/deal.json.
const STATE: Record<UiLocale, Record<DealState, string>> = {
  "zh-CN": {
    SUGGESTED: "待双方确认",
    INTRODUCED: "已引荐",
    NDA_SIGNED: "已签保密协议",
    NEGOTIATING: "谈判中",
    CONTRACT_SIGNED: "已签合同",
    IN_DELIVERY: "履约中",
    COMPLETED: "已完成",
    DECLINED: "已婉拒",
    STALLED: "已停滞",
  },
  en: {
    SUGGESTED: "Awaiting both sides",
    INTRODUCED: "Introduced",
    NDA_SIGNED: "NDA signed",
    NEGOTIATING: "Negotiating",
    CONTRACT_SIGNED: "Contract signed",
    IN_DELIVERY: "In delivery",
    COMPLETED: "Completed",
    DECLINED: "Declined",
    STALLED: "Stalled",
  },
};

const REASON: Record<UiLocale, Record<DeclineReason, string>> = {
  "zh-CN": {
    NOT_RELEVANT: "方向不符",
    TRL_MISMATCH: "技术成熟度不匹配",
    BUDGET: "预算不符",
    TIMING: "时间不合适",
    IP_TERMS: "知识产权条件无法接受",
    NO_CAPACITY: "暂无精力承接",
    OTHER: "其他原因",
  },
  en: {
    NOT_RELEVANT: "Not relevant",
    TRL_MISMATCH: "Readiness level does not fit",
    BUDGET: "Budget does not fit",
    TIMING: "Bad timing",
    IP_TERMS: "IP terms not acceptable",
    NO_CAPACITY: "No capacity",
    OTHER: "Other",
  },
};

export const stateLabel = (state: DealState, locale: UiLocale) => STATE[locale][state];
export const reasonLabel = (reason: string, locale: UiLocale) => REASON[locale][reason as DeclineReason] ?? reason;
export const langOf = (locale: UiLocale): "zh" | "en" => (locale === "en" ? "en" : "zh");
export const uiLocaleOf = (lang: "zh" | "en"): UiLocale => (lang === "en" ? "en" : "zh-CN");
