// Synthetic, bilingual needs and research results for load and scale tests (npm run seed:scale).
// Pure and deterministic: record i of a kind is always the same text, so a second run of the seed
// adds only what is missing and two machines seeding the same count hold the same data.
//
// The text is built from the project's own vocabulary, per industry-chain node: the node's names
// and tag words (prisma/data/taxonomy*.json), the demo content's keywords for that node and the
// zh-en thesaurus, put into sentences that read like the demo needs (problem, what was tried, a
// measurable target) and results (method, figures, advantages, applications). The index thus sees
// a realistic vocabulary: many common words, a long tail of technical terms, both languages.
import { taxonomy } from "../../prisma/data/taxonomy";
import taxonomyTerms from "../../prisma/data/taxonomy-terms.json" with { type: "json" };
import { needs as demoNeeds, results as demoResults } from "../../prisma/data/demo/index";
import { THESAURUS } from "../../lib/matching/thesaurus";
import { COLLABORATION_MODES, type CollaborationMode, type Visibility } from "../../lib/validation/enums";

export type Mode = CollaborationMode;
const MODES: Mode[] = COLLABORATION_MODES;

export type ScaleOrganisation = { id: string; name: string; kind: "COMPANY" | "UNIVERSITY" | "TTO"; region: string };
export type ScaleUser = { id: string; email: string; name: string; role: "COMPANY" | "RESEARCHER"; locale: "zh" | "en"; organisationId: string };

export type ScaleNeed = {
  id: string;
  title: string;
  description: string;
  field: string;
  keywords: string[];
  lang: "zh" | "en";
  visibility: Visibility;
  teaser: string | null;
  teaserFields: string[];
  triedSoFar: string | null;
  desiredOutcome: string | null;
  status: "PUBLISHED" | "IN_PROGRESS" | "SUBMITTED" | "CLOSED";
  trlTarget: number;
  budgetMinCny: number;
  budgetMaxCny: number;
  collaborationModes: Mode[];
  region: string;
  chainNodeId: string;
  organisationId: string;
  createdById: string;
  createdAt: Date;
  publishedAt: Date | null;
};

export type ScaleResult = {
  id: string;
  title: string;
  summary: string;
  description: string;
  field: string;
  keywords: string[];
  lang: "zh" | "en";
  status: "PUBLISHED" | "DRAFT" | "WITHDRAWN";
  trl: number;
  transferModes: Mode[];
  advantages: string;
  applicationScenarios: string;
  chainNodeId: string;
  organisationId: string;
  createdById: string;
  createdAt: Date;
};

/** Ids of generated rows start with this, so the seed can count (and a test can find) them. */
export const SCALE_ID_PREFIX = "scale";
/** One organisation (with one user) per this many records of its kind. */
export const RECORDS_PER_ORG = 50;
/** Share of needs among the records (the rest are results). */
export const NEED_SHARE = 0.4;
/** Share of Chinese records. */
export const ZH_SHARE = 0.7;

const pad = (n: number) => n.toString().padStart(7, "0");
export const scaleNeedId = (i: number) => `${SCALE_ID_PREFIX}-n-${pad(i)}`;
export const scaleResultId = (i: number) => `${SCALE_ID_PREFIX}-r-${pad(i)}`;
export const scaleCompanyId = (i: number) => `${SCALE_ID_PREFIX}-oc-${pad(i)}`;
export const scaleLabId = (i: number) => `${SCALE_ID_PREFIX}-ol-${pad(i)}`;
const userIdOf = (orgId: string) => orgId.replace("-o", "-u");

/** How many needs and results make `total` records. */
export function splitRecords(total: number): { needs: number; results: number } {
  const needs = Math.round(total * NEED_SHARE);
  return { needs, results: total - needs };
}

// ------------------------------------------------------------------ deterministic randomness
/** mulberry32: a small seeded PRNG (record i of a kind always draws the same numbers). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = ReturnType<typeof rng>;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function sample<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
  return out;
}

// ------------------------------------------------------------------ vocabulary per chain node
const CJK = /[\u3400-\u9fff]/;
type NodeVocab = { id: string; nameZh: string; nameEn: string; zh: string[]; en: string[] };

function buildVocab(): NodeVocab[] {
  const terms = (taxonomyTerms as { terms: Record<string, string[]> }).terms;
  const demoKeywords = new Map<string, { zh: Set<string>; en: Set<string> }>();
  for (const item of [...demoNeeds, ...demoResults]) {
    const entry = demoKeywords.get(item.chainNodeId) ?? { zh: new Set<string>(), en: new Set<string>() };
    for (const k of item.keywords) (CJK.test(k) ? entry.zh : entry.en).add(k);
    demoKeywords.set(item.chainNodeId, entry);
  }
  // Thesaurus entries attach to the nodes whose words contain them (石墨烯 -> materials.*).
  const thesaurusFor = (words: string[]) => THESAURUS.filter((e) => words.some((w) => w.includes(e.zh) || e.zh.includes(w)) && e.zh.length >= 2);
  return taxonomy.chains.flatMap((chain) =>
    chain.nodes.map((node) => {
      const own = terms[node.id] ?? [];
      const demo = demoKeywords.get(node.id);
      const zh = new Set<string>([node.nameZh, ...own.filter((w) => CJK.test(w)), ...(demo?.zh ?? [])]);
      const en = new Set<string>([node.nameEn.toLowerCase(), ...own.filter((w) => !CJK.test(w) && w === w.toLowerCase()), ...(demo?.en ?? [])]);
      for (const e of thesaurusFor([...zh])) {
        zh.add(e.zh);
        for (const w of e.en) en.add(w);
      }
      return { id: node.id, nameZh: node.nameZh, nameEn: node.nameEn, zh: [...zh], en: [...en] };
    }),
  );
}

let vocabCache: NodeVocab[] | undefined;
const vocab = () => (vocabCache ??= buildVocab());
const GENERAL = THESAURUS.filter((e) => e.zh.length >= 2);

const REGIONS = ["南山区", "福田区", "宝安区", "龙岗区", "龙华区", "光明区", "坪山区", "罗湖区", "东莞", "广州", "佛山", "惠州", "珠海", "香港"];
const COMPANY_WORDS = ["智能", "科技", "精密", "新能", "微电", "光电", "创新", "数智", "海川", "云图", "鹏程", "前海", "华隆", "远航", "联芯", "恒锐"];
const COMPANY_TAILS = ["科技有限公司", "电子有限公司", "智能装备有限公司", "新材料股份有限公司", "医疗科技有限公司", "能源科技有限公司"];
const LAB_HOSTS = [
  "深圳大学",
  "南方科技大学",
  "香港中文大学（深圳）",
  "哈尔滨工业大学（深圳）",
  "清华大学深圳国际研究生院",
  "北京大学深圳研究生院",
  "中国科学院深圳先进技术研究院",
  "深圳技术大学",
];
const LAB_TAILS = ["重点实验室", "工程研究中心", "研究所", "技术转移中心", "联合实验室", "课题组"];

type Metric = { zh: string; en: string; unit: string; lo: number; hi: number; better: "up" | "down" };
const METRICS: Metric[] = [
  { zh: "良率", en: "yield", unit: "%", lo: 60, hi: 99, better: "up" },
  { zh: "能量密度", en: "energy density", unit: "Wh/kg", lo: 150, hi: 450, better: "up" },
  { zh: "循环寿命", en: "cycle life", unit: " cycles", lo: 500, hi: 5000, better: "up" },
  { zh: "定位精度", en: "positioning accuracy", unit: " μm", lo: 1, hi: 50, better: "down" },
  { zh: "功耗", en: "power consumption", unit: " mW", lo: 2, hi: 800, better: "down" },
  { zh: "响应时间", en: "response time", unit: " ms", lo: 1, hi: 500, better: "down" },
  { zh: "信噪比", en: "signal-to-noise ratio", unit: " dB", lo: 20, hi: 90, better: "up" },
  { zh: "识别准确率", en: "recognition accuracy", unit: "%", lo: 70, hi: 99, better: "up" },
  { zh: "工作温度上限", en: "maximum operating temperature", unit: " °C", lo: 60, hi: 300, better: "up" },
  { zh: "单位成本", en: "unit cost", unit: " 元", lo: 5, hi: 900, better: "down" },
  { zh: "热导率", en: "thermal conductivity", unit: " W/(m·K)", lo: 2, hi: 400, better: "up" },
  { zh: "检测灵敏度", en: "detection sensitivity", unit: " ppm", lo: 1, hi: 500, better: "down" },
  { zh: "传输速率", en: "data rate", unit: " Gbps", lo: 1, hi: 800, better: "up" },
  { zh: "续航时间", en: "battery life", unit: " h", lo: 4, hi: 400, better: "up" },
  { zh: "拉伸强度", en: "tensile strength", unit: " MPa", lo: 100, hi: 2000, better: "up" },
];
const CONDITIONS_ZH = ["高温高湿", "强振动", "低温", "强电磁干扰", "长时间连续运行", "大批量量产", "户外", "粉尘较多的车间", "小型化封装", "低成本约束"];
const CONDITIONS_EN = [
  "high temperature and humidity",
  "strong vibration",
  "low temperature",
  "strong electromagnetic interference",
  "continuous operation",
  "volume production",
  "outdoor use",
  "dusty workshops",
  "miniaturised packages",
  "tight cost limits",
];
const METHODS_ZH = [
  "优化工艺参数",
  "更换供应商材料",
  "增加冗余设计",
  "传统PID控制",
  "人工经验调参",
  "简单的滤波算法",
  "进口设备",
  "仿真分析",
  "表面处理",
  "结构加强",
];
const METHODS_EN = [
  "tuning process parameters",
  "switching material suppliers",
  "adding redundancy",
  "classical PID control",
  "manual tuning",
  "simple filtering",
  "imported equipment",
  "simulation studies",
  "surface treatment",
  "structural reinforcement",
];
const APPROACHES_ZH = ["新型算法", "工艺改进", "材料配方", "结构设计", "检测方法", "控制策略", "系统方案", "制备方法"];
const APPROACHES_EN = [
  "algorithm",
  "process improvement",
  "material formulation",
  "structural design",
  "test method",
  "control strategy",
  "system design",
  "fabrication method",
];
const PRODUCTS_ZH = ["消费电子产品", "工业设备", "汽车零部件", "医疗器械", "通信模块", "储能系统", "智能终端", "无人机"];
const PRODUCTS_EN = [
  "consumer electronics",
  "industrial equipment",
  "automotive parts",
  "medical devices",
  "communication modules",
  "energy storage systems",
  "smart devices",
  "drones",
];

// ------------------------------------------------------------------ text
function zhNeedText(r: Rand, v: NodeVocab, other: string) {
  const topic = pick(r, v.zh);
  const second = pick(r, v.zh);
  const m = pick(r, METRICS);
  const now = int(r, m.lo, m.hi);
  const want = m.better === "up" ? Math.round(now * (1.2 + r())) : Math.max(1, Math.round(now / (1.5 + r())));
  const cond = pick(r, CONDITIONS_ZH);
  const approach = pick(r, APPROACHES_ZH);
  const title = pick(r, [
    `${cond}下${topic}的${m.zh}提升`,
    `寻求${topic}${approach}，解决${m.zh}不足`,
    `${pick(r, PRODUCTS_ZH)}中${topic}与${second}的可靠性问题`,
    `面向${v.nameZh}的${topic}${approach}`,
    `${topic}${m.zh}达不到量产要求`,
  ]);
  const [tried1, tried2] = sample(r, METHODS_ZH, 2);
  const triedSoFar = `我们尝试过${tried1}和${tried2}，在实验室条件下有一定改善，但在${cond}条件下效果不稳定。`;
  const desiredOutcome = `将${m.zh}${m.better === "up" ? "提升到" : "降低到"}${want}${m.unit}${m.better === "up" ? "以上" : "以下"}，并在一年内完成小批量验证。`;
  const description = [
    `我们的${pick(r, PRODUCTS_ZH)}使用${topic}和${second}，目前在${cond}条件下${m.zh}为${now}${m.unit}，客户要求${m.better === "up" ? "不低于" : "不高于"}${want}${m.unit}。`,
    triedSoFar,
    `希望与高校或研究机构合作开发${topic}${approach}，结合${other}，${desiredOutcome}`,
    `成本增加不超过${int(r, 5, 30)}%，方案需兼容现有产线。`,
  ].join("");
  return { title, description, triedSoFar, desiredOutcome, keywords: uniq([topic, second, other, ...sample(r, v.zh, 2)]).slice(0, 6), field: v.nameZh };
}

function enNeedText(r: Rand, v: NodeVocab, other: string) {
  const topic = pick(r, v.en);
  const second = pick(r, v.en);
  const m = pick(r, METRICS);
  const now = int(r, m.lo, m.hi);
  const want = m.better === "up" ? Math.round(now * (1.2 + r())) : Math.max(1, Math.round(now / (1.5 + r())));
  const cond = pick(r, CONDITIONS_EN);
  const approach = pick(r, APPROACHES_EN);
  const title = pick(r, [
    `Improving ${m.en} of ${topic} under ${cond}`,
    `Looking for a ${topic} ${approach} to improve ${m.en}`,
    `Reliability of ${topic} and ${second} in ${pick(r, PRODUCTS_EN)}`,
    `${cap(topic)} ${approach} for ${v.nameEn.toLowerCase()}`,
    `${cap(topic)}: ${m.en} falls short of volume-production needs`,
  ]);
  const [tried1, tried2] = sample(r, METHODS_EN, 2);
  const triedSoFar = `We have tried ${tried1} and ${tried2}; both help in the lab but not reliably under ${cond}.`;
  const desiredOutcome = `${cap(m.en)} ${m.better === "up" ? "above" : "below"} ${want}${m.unit}, validated in a pilot batch within a year.`;
  const description = [
    `Our ${pick(r, PRODUCTS_EN)} rely on ${topic} and ${second}. Under ${cond} the ${m.en} is ${now}${m.unit}, while customers ask for ${m.better === "up" ? "at least" : "at most"} ${want}${m.unit}.`,
    triedSoFar,
    `We would like to co-develop a ${topic} ${approach} with a university or institute, possibly drawing on ${other}. Target: ${desiredOutcome}`,
    `The solution may add at most ${int(r, 5, 30)}% to the unit cost and must fit the existing production line.`,
  ].join(" ");
  return { title, description, triedSoFar, desiredOutcome, keywords: uniq([topic, second, other, ...sample(r, v.en, 2)]).slice(0, 6), field: v.nameEn };
}

function zhResultText(r: Rand, v: NodeVocab, other: string) {
  const topic = pick(r, v.zh);
  const second = pick(r, v.zh);
  const m = pick(r, METRICS);
  const value = int(r, m.lo, m.hi);
  const approach = pick(r, APPROACHES_ZH);
  const title = pick(r, [
    `基于${other}的${topic}${approach}`,
    `高${m.zh}${topic}及其${approach}`,
    `${topic}与${second}一体化${approach}`,
    `一种低成本${topic}${approach}`,
  ]);
  const summary = `本成果提出一种${topic}${approach}，${m.zh}达到${value}${m.unit}，已完成${pick(r, ["实验室验证", "中试", "样机测试", "小批量试产"])}。`;
  const description = [
    summary,
    `方法结合${second}与${other}，在${pick(r, CONDITIONS_ZH)}条件下性能稳定。`,
    `团队在${v.nameZh}方向有${int(r, 3, 20)}年积累，拥有相关发明专利${int(r, 1, 12)}项。`,
  ].join("");
  const advantages = `与现有方案相比，${m.zh}改善约${int(r, 10, 60)}%，综合成本降低${int(r, 5, 40)}%。`;
  const applicationScenarios = `可用于${sample(r, PRODUCTS_ZH, 2).join("、")}等场景。`;
  return {
    title,
    summary,
    description,
    advantages,
    applicationScenarios,
    keywords: uniq([topic, second, other, ...sample(r, v.zh, 2)]).slice(0, 6),
    field: v.nameZh,
  };
}

function enResultText(r: Rand, v: NodeVocab, other: string) {
  const topic = pick(r, v.en);
  const second = pick(r, v.en);
  const m = pick(r, METRICS);
  const value = int(r, m.lo, m.hi);
  const approach = pick(r, APPROACHES_EN);
  const title = pick(r, [
    `${cap(topic)} ${approach} based on ${other}`,
    `High-${m.en} ${topic} and its ${approach}`,
    `Integrated ${topic} and ${second} ${approach}`,
    `A low-cost ${topic} ${approach}`,
  ]);
  const summary = `A ${topic} ${approach} reaching a ${m.en} of ${value}${m.unit}, proven in ${pick(r, ["the lab", "a pilot line", "prototype tests", "a small production run"])}.`;
  const description = [
    summary,
    `The method combines ${second} with ${other} and stays stable under ${pick(r, CONDITIONS_EN)}.`,
    `The team has worked on ${v.nameEn.toLowerCase()} for ${int(r, 3, 20)} years and holds ${int(r, 1, 12)} related invention patents.`,
  ].join(" ");
  const advantages = `Compared with current solutions, ${m.en} is about ${int(r, 10, 60)}% better at ${int(r, 5, 40)}% lower overall cost.`;
  const applicationScenarios = `Suited to ${sample(r, PRODUCTS_EN, 2).join(" and ")}.`;
  return {
    title,
    summary,
    description,
    advantages,
    applicationScenarios,
    keywords: uniq([topic, second, other, ...sample(r, v.en, 2)]).slice(0, 6),
    field: v.nameEn,
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// Distinct keywords within the create schemas' limit of 40 characters each.
const uniq = (xs: string[]) => [...new Set(xs)].filter((k) => k.length <= 40);

// ------------------------------------------------------------------ rows
const DAY = 24 * 60 * 60 * 1000;
/** Fixed reference time: generated dates do not depend on when the seed runs. */
export const SCALE_EPOCH = Date.UTC(2026, 10, 1);

export function scaleCompany(i: number): ScaleOrganisation {
  const r = rng(0x0c0 + i * 7);
  return {
    id: scaleCompanyId(i),
    name: `${pick(r, REGIONS).replace(/区$/, "")}${pick(r, COMPANY_WORDS)}${pick(r, COMPANY_WORDS)}${COMPANY_TAILS[i % COMPANY_TAILS.length]}（规模测试 ${i}）`,
    kind: "COMPANY",
    region: pick(r, REGIONS),
  };
}

export function scaleLab(i: number): ScaleOrganisation {
  const r = rng(0x1ab + i * 11);
  return {
    id: scaleLabId(i),
    name: `${pick(r, LAB_HOSTS)}${pick(r, COMPANY_WORDS)}${LAB_TAILS[i % LAB_TAILS.length]}（规模测试 ${i}）`,
    kind: i % 5 === 0 ? "TTO" : "UNIVERSITY",
    region: pick(r, REGIONS),
  };
}

export function scaleUser(org: ScaleOrganisation, i: number): ScaleUser {
  return {
    id: userIdOf(org.id),
    email: `${userIdOf(org.id)}@scale.techbridge.test`,
    name: org.kind === "COMPANY" ? `企业用户 ${i}` : `科研人员 ${i}`,
    role: org.kind === "COMPANY" ? "COMPANY" : "RESEARCHER",
    locale: i % 3 === 0 ? "en" : "zh",
    organisationId: org.id,
  };
}

export function scaleNeed(i: number): ScaleNeed {
  const r = rng(0x5eed + i * 31);
  const v = pick(r, vocab());
  const lang = r() < ZH_SHARE ? "zh" : "en";
  const gen = pick(r, GENERAL);
  const text = lang === "zh" ? zhNeedText(r, v, gen.zh) : enNeedText(r, v, gen.en[0]!);
  const orgIndex = Math.floor(i / RECORDS_PER_ORG);
  const org = scaleCompany(orgIndex);
  const vis = r();
  const visibility = vis < 0.7 ? "PUBLIC" : vis < 0.8 ? "ANONYMOUS" : vis < 0.95 ? "CONFIDENTIAL" : "BROKER_ONLY";
  const st = r();
  const status = st < 0.85 ? "PUBLISHED" : st < 0.93 ? "IN_PROGRESS" : st < 0.97 ? "SUBMITTED" : "CLOSED";
  const budgetMin = int(r, 1, 40) * 50_000;
  // Two years of history for the chain monitor (scripts/monitor-history.ts adds the activity).
  const createdAt = new Date(SCALE_EPOCH - int(r, 1, 730) * DAY - int(r, 0, 86_399) * 1000);
  const teaser =
    visibility === "CONFIDENTIAL"
      ? lang === "zh"
        ? `${v.nameZh}方向的一项保密需求：${text.field}相关的${pick(r, METRICS).zh}问题，细节在签署保密协议后提供。`
        : `A confidential need in ${v.nameEn.toLowerCase()}: a ${pick(r, METRICS).en} problem; details after an NDA.`
      : null;
  return {
    id: scaleNeedId(i),
    ...text,
    lang,
    visibility,
    teaser,
    teaserFields: visibility === "CONFIDENTIAL" ? sample(r, ["trlTarget", "budget", "region", "collaborationModes"], int(r, 0, 3)) : [],
    status,
    trlTarget: int(r, 3, 8),
    budgetMinCny: budgetMin,
    budgetMaxCny: budgetMin + int(r, 1, 40) * 50_000,
    collaborationModes: sample(r, MODES, int(r, 1, 3)),
    region: org.region,
    chainNodeId: v.id,
    organisationId: org.id,
    createdById: userIdOf(org.id),
    createdAt,
    publishedAt: status === "SUBMITTED" ? null : createdAt,
  };
}

export function scaleResult(i: number): ScaleResult {
  const r = rng(0x7e57 + i * 37);
  const v = pick(r, vocab());
  const lang = r() < ZH_SHARE ? "zh" : "en";
  const gen = pick(r, GENERAL);
  const text = lang === "zh" ? zhResultText(r, v, gen.zh) : enResultText(r, v, gen.en[0]!);
  const org = scaleLab(Math.floor(i / RECORDS_PER_ORG));
  const st = r();
  return {
    id: scaleResultId(i),
    ...text,
    lang,
    status: st < 0.92 ? "PUBLISHED" : st < 0.97 ? "DRAFT" : "WITHDRAWN",
    trl: int(r, 2, 9),
    transferModes: sample(r, MODES, int(r, 1, 3)),
    chainNodeId: v.id,
    organisationId: org.id,
    createdById: userIdOf(org.id),
    createdAt: new Date(SCALE_EPOCH - int(r, 1, 730) * DAY - int(r, 0, 86_399) * 1000),
  };
}

/**
 * Search queries as people type them into the catalogue search: one or two words of a chain
 * node's vocabulary (70% Chinese), sometimes with a metric word. Deterministic.
 */
export function scaleQueries(count: number): string[] {
  const r = rng(0x9e7);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const v = pick(r, vocab());
    const zh = r() < ZH_SHARE;
    const words = zh ? v.zh : v.en;
    const shape = r();
    const q =
      shape < 0.5
        ? pick(r, words)
        : shape < 0.8
          ? `${pick(r, words)} ${pick(r, words)}`
          : `${pick(r, words)} ${zh ? pick(r, METRICS).zh : pick(r, METRICS).en}`;
    out.push(q);
  }
  return out;
}
