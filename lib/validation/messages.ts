import type { UiLocale } from "./parse-input";

// Messages for rules zod cannot word by itself. Keys start with "v." so the parser knows them.
const messages: Record<string, { "zh-CN": string; en: string }> = {
  "v.challengeIndicators": {
    "zh-CN": "至少填写一项验收指标（名称 | 目标值 | 验证方式）",
    en: "Give at least one acceptance indicator (name | target | verification)",
  },
  "v.weights100": { "zh-CN": "评审标准的权重合计必须为 100", en: "The review criteria weights must add up to 100" },
  "v.percent100": { "zh-CN": "各里程碑的比例合计必须为 100", en: "The milestone shares must add up to 100" },
  "v.planMilestones": {
    "zh-CN": "至少填写一个里程碑（名称 | 交付物 | 日期 | 金额）",
    en: "Give at least one milestone (title | deliverables | date | amount)",
  },
  "v.unknownField": { "zh-CN": "不支持的字段", en: "Unknown field" },
  "v.required": { "zh-CN": "必填", en: "Required" },
  "v.email": { "zh-CN": "请输入有效的电子邮箱地址", en: "Enter a valid email address" },
  "v.password": { "zh-CN": "密码至少 10 个字符", en: "Password must be at least 10 characters" },
  "v.budgetRange": { "zh-CN": "预算下限不能高于上限", en: "Budget minimum must not exceed the maximum" },
  "v.teaserRequired": { "zh-CN": "保密需求必须填写对外摘要", en: "A confidential need needs a teaser" },
  "v.trl": { "zh-CN": "技术成熟度须为 1 到 9 之间的整数", en: "TRL must be a whole number from 1 to 9" },
  "v.keyword": { "zh-CN": "每个关键词 1 到 40 个字符，最多 20 个", en: "Each keyword 1-40 characters, at most 20" },
  "v.orgTaken": { "zh-CN": "该机构已注册，请联系其管理员邀请您加入", en: "This organisation is already registered: ask its admin to invite you" },
  "v.chainNode": { "zh-CN": "未知的产业链节点", en: "Unknown industry chain node" },
  "v.date": { "zh-CN": "请输入有效日期（年-月-日）", en: "Enter a valid date (YYYY-MM-DD)" },
  "v.datePast": { "zh-CN": "日期不能早于今天", en: "The date must not be in the past" },
  "v.dateFar": { "zh-CN": "日期太远（最多 20 年内）", en: "The date is too far ahead (at most 20 years)" },
  "v.patents": {
    "zh-CN": "专利格式：号码|类型(INVENTION/UTILITY_MODEL/DESIGN)|状态(GRANTED/PENDING)|法域，多个用分号分隔",
    en: "Patents: number|type (INVENTION/UTILITY_MODEL/DESIGN)|status (GRANTED/PENDING)|jurisdiction, separated by semicolons",
  },
  // Worded like the database's unique-value answer (lib/api/respond.ts), which the API promises.
  "v.externalIdTaken": { "zh-CN": "该值已被使用", en: "This value is already in use" },
  "v.externalIdTakenMessage": { "zh-CN": "本机构已有成果使用该外部编号", en: "Another result of your organisation already uses this external id" },
  "v.staleEdit": { "zh-CN": "该内容已被他人修改，请重新加载后再编辑", en: "Someone else changed this meanwhile: reload and edit again" },
  "v.duplicateExternalId": { "zh-CN": "文件中外部编号重复", en: "Duplicate external id in this file" },
  "v.visitFuture": { "zh-CN": "拜访日期不能晚于今天", en: "The visit date must not be in the future" },
  "v.notDraft": { "zh-CN": "该需求已不是草稿，请在编辑页面修改", en: "This need is no longer a draft: edit it instead" },
  "v.transition": { "zh-CN": "当前状态下不能执行此操作", en: "This is not possible in the need's current status" },
  "v.noFile": { "zh-CN": "请选择文件", en: "Choose a file" },
  "v.accessDays": { "zh-CN": "访问期限须为 1 到 730 之间的整数（天）", en: "Access period must be a whole number of days from 1 to 730" },
  "v.ndaAccept": { "zh-CN": "请先阅读并接受保密协议", en: "Read and accept the NDA first" },
  "v.reasonCode": { "zh-CN": "请选择原因", en: "Choose a reason" },
  "v.noChange": { "zh-CN": "请至少修改一个字段", en: "Change at least one field" },
  "v.brokerAccreditation": {
    "zh-CN": "授予技术经纪人角色须填写证书编号、发证机构和有效期",
    en: "A broker grant needs the certificate number, issuing body and valid-until date",
  },
  "v.roleNotAllowed": {
    "zh-CN": "此角色不适用于该类机构（工作人员角色只能由平台授予）",
    en: "This role does not fit this kind of organisation (staff roles are granted by the platform only)",
  },
  "v.noUser": { "zh-CN": "没有使用该邮箱的用户", en: "No user has this email address" },
  "v.selfGrant": { "zh-CN": "不能为自己授予或撤销角色", en: "You cannot grant or revoke your own role" },
  "v.noLiveGrant": { "zh-CN": "该用户没有有效的工作人员角色", en: "This user holds no live staff role" },
  "v.creditCode": { "zh-CN": "统一社会信用代码无效（18 位，校验位不符）", en: "Not a valid unified social credit code (18 characters with a check digit)" },
  "v.institutionCode": { "zh-CN": "机构代码无效", en: "Not a valid institution code" },
  "v.orgNameVerified": { "zh-CN": "已有经过认证的机构使用该名称", en: "A verified organisation already has this name" },
  "v.feedbackReasonRequired": { "zh-CN": "请选择不合适的原因", en: "Choose why it is not useful" },
};

export function translateValidationKey(key: string, locale: UiLocale): string {
  return messages[key]?.[locale] ?? key;
}
