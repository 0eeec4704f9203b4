// Words a spreadsheet may use instead of enum values (pure): 许可 for LICENCE, 保密 for
// CONFIDENTIAL. Lists split on commas, 、 and semicolons (half or full width).

const COLLABORATION_MODE_LABELS: Record<string, string> = {
  许可: "LICENCE",
  转让: "ASSIGNMENT",
  合作开发: "CO_DEVELOPMENT",
  委托研发: "COMMISSIONED_RD",
  委托开发: "COMMISSIONED_RD",
  技术服务: "TECHNICAL_SERVICE",
  作价入股: "EQUITY",
  入股: "EQUITY",
  咨询: "CONSULTING",
  技术咨询: "CONSULTING",
};

const VISIBILITY_LABELS: Record<string, string> = {
  公开: "PUBLIC",
  匿名: "ANONYMOUS",
  保密: "CONFIDENTIAL",
  仅经纪人可见: "BROKER_ONLY",
  仅经纪人: "BROKER_ONLY",
};

const splitList = (v: string) =>
  v
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "许可、合作开发" -> ["LICENCE", "CO_DEVELOPMENT"] before the enum schema checks the values. */
export const collaborationModesFromText = (v: unknown): unknown =>
  typeof v === "string" ? splitList(v).map((s) => COLLABORATION_MODE_LABELS[s] ?? s.toUpperCase()) : v;

/** "保密" -> "CONFIDENTIAL" (English values in any case). */
export const visibilityFromText = (v: unknown): unknown => (typeof v === "string" ? (VISIBILITY_LABELS[v.trim()] ?? v.trim().toUpperCase()) : v);
