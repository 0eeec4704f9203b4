// Issue 11: every staff action x the acting broker's relationship to the need, plus an admin and
// non-staff, against the real services (used by authorization-matrix.int.test.ts). Not used by the app.
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { setBrokerPortfolio } from "@/lib/broker/portfolio";
import { getNeedCandidates } from "@/lib/broker/candidates";
import { claimNeed, getTriage, handOverNeed, markNeedReady, proposeNeedEdit, requestClarification } from "@/lib/broker/triage";
import { prisma } from "@/lib/db";
import { getDeal } from "@/lib/deals/get-deal";
import { introduceResearcher } from "@/lib/deals/introduce";
import { isAppError } from "@/lib/errors";
import { setBrokerHelp } from "@/lib/needs/broker-help";
import { viewNeed } from "@/lib/needs/view-need";
import type { Actor } from "@/lib/policy";
import { searchCatalog } from "@/lib/search/search";
import { syncNeed, syncResult } from "@/lib/search/sync";
import { listNeedAudit } from "./list-need-audit";

export const RELATIONS = ["assigned", "unassigned", "otherBrokers", "helpAsked", "portfolioIn", "portfolioOut"] as const;
export type Relation = (typeof RELATIONS)[number];
export const ACTORS = ["broker", "admin", "researcher", "owner"] as const;
type ActorName = (typeof ACTORS)[number];
type Row = Record<Relation, string[]>; // one outcome per actor, in ACTORS order

export type BrokerCast = Record<ActorName | "otherBroker" | "thirdBroker" | "dealResearcher", ApiUser> & {
  chainId: string;
  nodeId: string;
  outNodeId: string;
  resultId: string;
  tag: string;
};

export async function createBrokerCast(): Promise<BrokerCast> {
  const tag = Math.random().toString(36).slice(2, 8);
  const chainId = `rel-${tag}`;
  await prisma.industryChain.createMany({
    data: [
      { id: chainId, nameZh: "关系链", nameEn: "Relation chain" },
      { id: `${chainId}-out`, nameZh: "其他链", nameEn: "Other chain" },
    ],
  });
  await prisma.chainNode.createMany({
    data: [
      { id: `${chainId}-n`, chainId, stage: "UPSTREAM", nameZh: "节点", nameEn: "Node" },
      { id: `${chainId}-out-n`, chainId: `${chainId}-out`, stage: "UPSTREAM", nameZh: "节点", nameEn: "Node" },
    ],
  });
  const broker = await createApiUser("BROKER");
  await setBrokerPortfolio({ email: broker.actor.email, regions: [`区域${tag}`], chainIds: [chainId] });
  broker.actor = { ...broker.actor, brokerPortfolio: { regions: [`区域${tag}`], chainIds: [chainId] } };
  const dealResearcher = await createApiUser("RESEARCHER");
  const result = await prisma.result.create({
    data: {
      title: `关系矩阵成果 ${tag}`,
      summary: "正极材料循环寿命提升",
      field: "新能源",
      organisationId: dealResearcher.organisationId,
      createdById: dealResearcher.actor.id,
    },
  });
  await syncResult(prisma, result.id);
  return {
    broker,
    dealResearcher,
    tag,
    chainId,
    nodeId: `${chainId}-n`,
    outNodeId: `${chainId}-out-n`,
    resultId: result.id,
    admin: await createApiUser("ADMIN"),
    researcher: await createApiUser("RESEARCHER"),
    owner: await createApiUser("COMPANY"),
    otherBroker: await createApiUser("BROKER"),
    thirdBroker: await createApiUser("BROKER"),
  };
}

// The word planted in the hidden description: Chinese characters spelled from the cast's tag, so
// that no part of it (such as the tag, which the visible title carries too and which the catalogue
// search keeps as a product code when it searches the other language) occurs in a visible field.
const HIDDEN_ALPHABET = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星辰风";
export function hiddenWord(tag: string): string {
  return `隐藏词${[...tag.toLowerCase()].map((ch) => HIDDEN_ALPHABET[parseInt(ch, 36) % HIDDEN_ALPHABET.length] ?? "").join("")}`;
}

/** A published need in `relation` to cast.broker; the hidden word is only in its description. */
export async function createRelationNeed(cast: BrokerCast, relation: Relation, index = true): Promise<{ id: string; dealId: string }> {
  const brokerOnly = relation === "portfolioIn" || relation === "portfolioOut";
  const need = await prisma.need.create({
    data: {
      title: `关系矩阵${cast.tag} ${relation} 电池正极材料`,
      teaser: "寻找电池材料方向的合作伙伴",
      description: `保密描述 ${hiddenWord(cast.tag)} 循环寿命提高一倍。`,
      field: "新能源",
      visibility: brokerOnly ? "BROKER_ONLY" : "CONFIDENTIAL",
      status: "PUBLISHED",
      publishedAt: new Date(),
      organisationId: cast.owner.organisationId,
      createdById: cast.owner.actor.id,
      region: relation === "portfolioIn" ? `区域${cast.tag}` : "别处",
      chainNodeId: relation === "portfolioIn" ? null : cast.outNodeId,
      brokerId: relation === "assigned" ? cast.broker.actor.id : relation === "otherBrokers" ? cast.otherBroker.actor.id : null,
      brokerHelpAt: relation === "helpAsked" ? new Date() : null,
    },
  });
  if (index) await syncNeed(prisma, need.id);
  // A deal introduced by another broker (e.g. before a hand-over): who of the staff reads it?
  const deal = await prisma.introduction.create({
    data: { needId: need.id, resultId: cast.resultId, researcherId: cast.dealResearcher.actor.id, brokerId: cast.otherBroker.actor.id },
  });
  return { id: need.id, dealId: deal.id };
}

async function outcome(run: () => Promise<unknown>, refine?: (v: unknown) => string): Promise<string> {
  try {
    const v = await run();
    return refine ? refine(v) : "ok";
  } catch (e) {
    if (isAppError(e)) return String(e.status);
    throw e;
  }
}

type RelOp = {
  name: string;
  rules: string[];
  write?: boolean;
  run: (a: Actor, need: { id: string; dealId: string }, cast: BrokerCast) => Promise<string>;
  expected: Row;
};
const all = (o: string[]): Row => Object.fromEntries(RELATIONS.map((r) => [r, o])) as Row;
const searchFor = async (a: Actor, q: string, id: string) =>
  ((await searchCatalog({ q, type: "needs", viewer: a, limit: 50 })) as { hits?: { id: string }[] }).hits?.some((h) => h.id === id) ? "hit" : "absent";

// Columns: broker (portfolio: its region / chain), admin, researcher, owner.
export const RELATION_OPS: RelOp[] = [
  {
    name: "need page /needs/[id] and /broker/needs/[id] (viewNeed): access",
    rules: ["need.discover", "need.readFull"],
    run: (a, n) =>
      outcome(
        () => viewNeed(a, n.id, { ip: null, via: "broker" }),
        (v) => (v as { access: string }).access,
      ),
    expected: {
      assigned: ["full", "full", "teaser", "full"],
      unassigned: ["teaser", "full", "teaser", "full"],
      otherBrokers: ["teaser", "full", "teaser", "full"],
      helpAsked: ["full", "full", "teaser", "full"],
      portfolioIn: ["full", "full", "404", "full"],
      portfolioOut: ["404", "full", "404", "full"],
    },
  },
  {
    name: "need page: the owner's identity",
    rules: ["need.seeOwner"],
    run: (a, n) =>
      outcome(
        () => viewNeed(a, n.id, { ip: null, via: "page" }),
        (v) => ((v as { organisation: unknown }).organisation ? "org" : "masked"),
      ),
    expected: {
      assigned: ["org", "org", "masked", "org"],
      unassigned: ["masked", "org", "masked", "org"],
      otherBrokers: ["masked", "org", "masked", "org"],
      helpAsked: ["org", "org", "masked", "org"],
      portfolioIn: ["org", "org", "404", "org"],
      portfolioOut: ["404", "org", "404", "org"],
    },
  },
  {
    name: "search by a word only in the hidden description",
    rules: ["catalog.search"],
    run: (a, n, c) => searchFor(a, hiddenWord(c.tag), n.id),
    expected: {
      assigned: ["hit", "hit", "absent", "absent"],
      unassigned: ["absent", "hit", "absent", "absent"],
      otherBrokers: ["absent", "hit", "absent", "absent"],
      helpAsked: ["hit", "hit", "absent", "absent"],
      portfolioIn: ["hit", "hit", "absent", "absent"],
      portfolioOut: ["absent", "hit", "absent", "absent"],
    },
  },
  {
    name: "search by a word of the title (what a researcher finds too)",
    rules: ["catalog.search"],
    run: (a, n, c) => searchFor(a, `关系矩阵${c.tag}`, n.id),
    expected: {
      ...all(["hit", "hit", "hit", "hit"]),
      portfolioIn: ["hit", "hit", "absent", "absent"],
      portfolioOut: ["absent", "hit", "absent", "absent"],
    },
  },
  {
    name: "page /broker/needs/[id] triage panel (getTriage): what the viewer may do",
    rules: ["broker.workbench", "broker.triage", "broker.claim", "broker.handOver"],
    run: (a, n) =>
      outcome(
        () => getTriage(a, n.id),
        (v) =>
          Object.entries((v as { can: Record<string, boolean> }).can)
            .filter(([, y]) => y)
            .map(([k]) => k)
            .join("+") || "none",
      ),
    expected: {
      assigned: ["triage+handOver", "triage+handOver", "403", "403"],
      unassigned: ["none", "triage+handOver", "403", "403"],
      otherBrokers: ["none", "triage+handOver", "403", "403"],
      helpAsked: ["claim", "triage+handOver", "403", "403"],
      portfolioIn: ["claim", "triage+handOver", "403", "403"],
      portfolioOut: ["404", "triage+handOver", "403", "403"],
    },
  },
  {
    name: "candidates on /broker/needs/[id] (getNeedCandidates)",
    rules: ["broker.triage"],
    run: (a, n) => outcome(() => getNeedCandidates(a, n.id)),
    expected: { ...all(["404", "ok", "404", "404"]), assigned: ["ok", "ok", "404", "404"] },
  },
  {
    name: "page /needs/[id]/audit (listNeedAudit)",
    rules: ["need.viewAudit"],
    run: (a, n) => outcome(() => listNeedAudit(a, n.id)),
    expected: { ...all(["404", "404", "404", "ok"]), assigned: ["ok", "404", "404", "ok"] },
  },
  {
    name: "deal page /deals/[id] made by another broker (getDeal): the need as shown",
    rules: ["deal.read"],
    run: (a, n) =>
      outcome(
        () => getDeal(a, n.dealId),
        (v) => ((v as { deal: { need: { description: string | null } } }).deal.need.description ? "full" : "teaser"),
      ),
    expected: { ...all(["404", "full", "404", "full"]), assigned: ["full", "full", "404", "full"] },
  },
  {
    name: "Assign to me (claimNeed)",
    rules: ["broker.claim"],
    write: true,
    run: (a, n) => outcome(() => claimNeed(a, n.id)),
    expected: {
      ...all(["404", "404", "404", "404"]),
      assigned: ["409", "404", "404", "404"],
      otherBrokers: ["409", "404", "404", "404"],
      helpAsked: ["ok", "404", "404", "404"],
      portfolioIn: ["ok", "404", "404", "404"],
    },
  },
  {
    name: "hand over to a third broker (handOverNeed)",
    rules: ["broker.handOver"],
    write: true,
    run: (a, n, c) => outcome(() => handOverNeed(a, n.id, c.thirdBroker.actor.email)),
    expected: { ...all(["404", "ok", "404", "404"]), assigned: ["ok", "ok", "404", "404"] },
  },
  {
    name: "mark ready (markNeedReady)",
    rules: ["broker.triage"],
    write: true,
    run: (a, n) => outcome(() => markNeedReady(a, n.id)),
    expected: { ...all(["404", "ok", "404", "404"]), assigned: ["ok", "ok", "404", "404"] },
  },
  {
    name: "ask the owner to clarify (requestClarification)",
    rules: ["broker.triage"],
    write: true,
    run: (a, n) => outcome(() => requestClarification(a, n.id, "请说明目标指标。")),
    expected: { ...all(["404", "ok", "404", "404"]), assigned: ["ok", "ok", "404", "404"] },
  },
  {
    name: "propose an edit (proposeNeedEdit)",
    rules: ["broker.triage"],
    write: true,
    run: (a, n) => outcome(() => proposeNeedEdit(a, n.id, { title: "新的标题文字" })),
    expected: { ...all(["404", "ok", "404", "404"]), assigned: ["ok", "ok", "404", "404"] },
  },
  {
    name: "introduce a researcher (introduceResearcher)",
    rules: ["broker.triage"],
    write: true,
    run: async (a, n, c) => {
      const r = await prisma.result.create({
        data: {
          title: "x",
          summary: "y",
          field: "新能源",
          status: "PUBLISHED",
          organisationId: c.researcher.organisationId,
          createdById: c.researcher.actor.id,
        },
      });
      return outcome(() => introduceResearcher(a, { needId: n.id, resultId: r.id, respondWithinDays: 7 }));
    },
    expected: { ...all(["404", "ok", "404", "404"]), assigned: ["ok", "ok", "404", "404"] },
  },
  {
    name: "ask a broker for help (setBrokerHelp)",
    rules: ["need.askBrokerHelp"],
    write: true,
    run: (a, n) => outcome(() => setBrokerHelp(a, n.id, true)),
    expected: all(["404", "404", "404", "ok"]),
  },
];

export async function runRelationMatrix(cast: BrokerCast): Promise<{ mismatches: string[]; checked: number }> {
  const mismatches: string[] = [];
  let checked = 0;
  const shared = new Map<Relation, { id: string; dealId: string }>();
  for (const r of RELATIONS) shared.set(r, await createRelationNeed(cast, r));
  for (const op of RELATION_OPS) {
    for (const relation of RELATIONS) {
      for (const [i, name] of ACTORS.entries()) {
        // Writes change the need: each gets a fresh one in the same relationship.
        const need = op.write ? await createRelationNeed(cast, relation, false) : shared.get(relation)!;
        const got = await op.run(cast[name].actor, need, cast);
        const want = op.expected[relation][i];
        checked++;
        if (got !== want) mismatches.push(`${op.name} | ${relation} | ${name}: expected ${want}, got ${got}`);
      }
    }
  }
  return { mismatches, checked };
}
