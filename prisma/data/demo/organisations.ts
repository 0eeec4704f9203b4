import type { DemoOrganisation, DemoRole, DemoUser } from "./types";

// All organisations and people are fictional. Regions are Shenzhen districts.

export const organisations: DemoOrganisation[] = [
  // Companies (mostly SMEs)
  { id: "org-tinglan", name: "深圳听澜智能科技有限公司", kind: "COMPANY", region: "南山区" },
  { id: "org-yitu", name: "深圳翼途无人机技术有限公司", kind: "COMPANY", region: "宝安区" },
  { id: "org-lichen", name: "深圳锂辰新材料科技有限公司", kind: "COMPANY", region: "光明区" },
  { id: "org-kangwei", name: "深圳康微医疗科技有限公司", kind: "COMPANY", region: "坪山区" },
  { id: "org-jinglian", name: "深圳精联电路科技有限公司", kind: "COMPANY", region: "宝安区" },
  { id: "org-zhiqing", name: "深圳智擎机器人系统有限公司", kind: "COMPANY", region: "龙华区" },
  { id: "org-chiyuan", name: "深圳驰远汽车电子有限公司", kind: "COMPANY", region: "龙岗区" },
  { id: "org-harbourline", name: "Harbourline Photonics (Shenzhen) Co., Ltd.", kind: "COMPANY", region: "南山区" },
  { id: "org-chengyuan", name: "深圳澄源生物科技有限公司", kind: "COMPANY", region: "坪山区" },
  // Universities and research institutes
  { id: "org-nanling", name: "南岭科技大学", kind: "UNIVERSITY", region: "南山区" },
  { id: "org-binhai", name: "深圳滨海理工学院", kind: "UNIVERSITY", region: "龙岗区" },
  { id: "org-gmam", name: "光明先进材料研究院", kind: "UNIVERSITY", region: "光明区" },
  { id: "org-szhk", name: "深港生物医学工程联合研究院", kind: "UNIVERSITY", region: "福田区" },
  // Tech-transfer office and government agency
  { id: "org-tto", name: "湾区技术转移中心", kind: "TTO", region: "福田区" },
  { id: "org-gov", name: "深圳市两链融合促进中心", kind: "GOVERNMENT", region: "福田区" },
];

export const DEMO_PASSWORD = "TechBridge-demo-2026";
export const DEMO_EMAIL_DOMAIN = "demo.techbridge.cn";

// The first user of each organisation is its org admin and the default author of its content.
export const users: DemoUser[] = [
  { id: "user-company", email: "company@demo.techbridge.cn", name: "陈思远", role: "COMPANY", locale: "zh", organisationId: "org-tinglan", isOrgAdmin: true },
  {
    id: "user-researcher",
    email: "researcher@demo.techbridge.cn",
    name: "林若溪",
    role: "RESEARCHER",
    locale: "zh",
    organisationId: "org-nanling",
    isOrgAdmin: true,
  },
  { id: "user-broker", email: "broker@demo.techbridge.cn", name: "王海川", role: "BROKER", locale: "zh", organisationId: "org-tto", isOrgAdmin: true },
  { id: "user-admin", email: "admin@demo.techbridge.cn", name: "周敏", role: "ADMIN", locale: "zh", organisationId: "org-gov", isOrgAdmin: true },

  // More company members
  {
    id: "user-tinglan-rd",
    email: "tinglan.rd@demo.techbridge.cn",
    name: "何嘉怡",
    role: "COMPANY",
    locale: "zh",
    organisationId: "org-tinglan",
    isOrgAdmin: false,
  },
  { id: "user-drone", email: "drone@demo.techbridge.cn", name: "刘卓", role: "COMPANY", locale: "zh", organisationId: "org-yitu", isOrgAdmin: true },
  { id: "user-battery", email: "battery@demo.techbridge.cn", name: "郑雅婷", role: "COMPANY", locale: "zh", organisationId: "org-lichen", isOrgAdmin: true },
  { id: "user-medtech", email: "medtech@demo.techbridge.cn", name: "许文博", role: "COMPANY", locale: "zh", organisationId: "org-kangwei", isOrgAdmin: true },
  { id: "user-pcb", email: "pcb@demo.techbridge.cn", name: "罗国栋", role: "COMPANY", locale: "zh", organisationId: "org-jinglian", isOrgAdmin: true },
  { id: "user-robotics", email: "robotics@demo.techbridge.cn", name: "吴昊", role: "COMPANY", locale: "zh", organisationId: "org-zhiqing", isOrgAdmin: true },
  { id: "user-ev", email: "ev@demo.techbridge.cn", name: "邓立新", role: "COMPANY", locale: "zh", organisationId: "org-chiyuan", isOrgAdmin: true },
  {
    id: "user-photonics",
    email: "photonics@demo.techbridge.cn",
    name: "Daniel Ho",
    role: "COMPANY",
    locale: "en",
    organisationId: "org-harbourline",
    isOrgAdmin: true,
  },
  { id: "user-biotech", email: "biotech@demo.techbridge.cn", name: "苏晓雯", role: "COMPANY", locale: "zh", organisationId: "org-chengyuan", isOrgAdmin: true },

  // More researchers
  {
    id: "user-robot-lab",
    email: "robot.lab@demo.techbridge.cn",
    name: "钟子恒",
    role: "RESEARCHER",
    locale: "zh",
    organisationId: "org-nanling",
    isOrgAdmin: false,
  },
  {
    id: "user-weber",
    email: "a.weber@demo.techbridge.cn",
    name: "Anna Weber",
    role: "RESEARCHER",
    locale: "en",
    organisationId: "org-nanling",
    isOrgAdmin: false,
  },
  {
    id: "user-comms-lab",
    email: "comms.lab@demo.techbridge.cn",
    name: "杨帆",
    role: "RESEARCHER",
    locale: "zh",
    organisationId: "org-binhai",
    isOrgAdmin: true,
  },
  { id: "user-ai-lab", email: "ai.lab@demo.techbridge.cn", name: "孙立言", role: "RESEARCHER", locale: "zh", organisationId: "org-binhai", isOrgAdmin: false },
  {
    id: "user-materials-lab",
    email: "materials.lab@demo.techbridge.cn",
    name: "方静",
    role: "RESEARCHER",
    locale: "zh",
    organisationId: "org-gmam",
    isOrgAdmin: true,
  },
  {
    id: "user-biomed-lab",
    email: "biomed.lab@demo.techbridge.cn",
    name: "Kelvin Cheung",
    role: "RESEARCHER",
    locale: "en",
    organisationId: "org-szhk",
    isOrgAdmin: true,
  },

  // A second broker
  { id: "user-broker2", email: "broker2@demo.techbridge.cn", name: "李可欣", role: "BROKER", locale: "zh", organisationId: "org-tto", isOrgAdmin: false },
  // Policy analyst (政府/园区分析员): the chain monitor.
  { id: "user-analyst", email: "analyst@demo.techbridge.cn", name: "何静", role: "ANALYST", locale: "zh", organisationId: "org-gov", isOrgAdmin: false },
];

/** The account list a demo can print: every demo user signs in with DEMO_PASSWORD. */
export const demoAccounts: { email: string; role: DemoRole; name: string; org: string }[] = users.map((u) => ({
  email: u.email,
  role: u.role,
  name: u.name,
  org: organisations.find((o) => o.id === u.organisationId)?.name ?? "",
}));

/** The admin (first user) of each organisation, used as the default author of its content. */
export function orgAdminId(orgId: string): string {
  const admin = users.find((u) => u.organisationId === orgId && u.isOrgAdmin);
  if (!admin) throw new Error(`demo data: organisation ${orgId} has no admin user`);
  return admin.id;
}
