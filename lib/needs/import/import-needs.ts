import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadChainNodeLookup } from "@/lib/import/load-chain-nodes";
import { readImportFile } from "@/lib/import/read-import-file";
import { withRowProblems, type ImportReport, type RowProblem } from "@/lib/import/validate-records";
import type { NeedImportRow } from "@/lib/needs/schemas";
import { authorize, needScopeFor, type Actor } from "@/lib/policy";
import { detectLang } from "@/lib/text/detect-lang";
import { needImportSpec, type NeedImporter } from "./columns";

export type NeedImportMode = "validate" | "all-or-nothing" | "valid-only";
export type NeedImportOutcome = { report: ImportReport<NeedImportRow>; written: boolean; created: number };

const CHUNK = 500;

/**
 * Bulk import of needs (issue 14: a TTO or a park collects needs on visits in a spreadsheet), CSV
 * or XLSX read by the results import's code (lib/import): the row report first, then the valid rows
 * or nothing. Every row becomes a DRAFT of its company, checked with the wizard's publish rules so
 * that the company can publish it as it is: a company imports its own needs; a broker names the
 * company on each row and the drafts wait for that company's confirmation (like drafts written
 * after a visit). A title the company already has is reported, not imported twice.
 */
export async function importNeedsFile(
  db: PrismaClient,
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  mode: NeedImportMode,
): Promise<NeedImportOutcome> {
  authorize(actor, "need.import");
  const importer: NeedImporter = actor.role === "BROKER" ? "broker" : "company";
  const companies = importer === "broker" ? await companiesByName(db) : null;
  const spec = needImportSpec(importer, (data) =>
    companies && data.company && !companies.has(normalName(data.company)) ? [{ column: "company", problem: "v.import.unknownCompany" }] : [],
  );
  let report = await readImportFile(file, spec, await loadChainNodeLookup(db));
  const organisationOf = (row: NeedImportRow) => (companies ? companies.get(normalName(row.company!))! : actor.organisationId!);
  report = withRowProblems(report, await titleProblems(db, actor, report, organisationOf));

  const nothing = { report, written: false, created: 0 };
  if (mode === "validate" || report.fileProblems.length > 0 || report.valid.length === 0) return nothing;
  if (mode === "all-or-nothing" && report.problems.length > 0) return nothing;

  const rows = report.valid.map(({ data: { company: _company, ...need } }) => ({
    ...need,
    teaser: need.teaser ?? null,
    chainNodeId: need.chainNodeId ?? null,
    trlTarget: need.trlTarget ?? null,
    budgetMinCny: need.budgetMinCny ?? null,
    budgetMaxCny: need.budgetMaxCny ?? null,
    region: need.region ?? null,
    triedSoFar: need.triedSoFar ?? null,
    desiredOutcome: need.desiredOutcome ?? null,
    acceptanceCriteria: need.acceptanceCriteria ?? null,
    constraints: need.constraints ?? null,
    deadline: need.deadline ?? null,
    lang: detectLang(`${need.title} ${need.description}`),
    status: "DRAFT" as const,
    organisationId: organisationOf({ ...need, company: _company }),
    createdById: actor.id,
    brokerId: importer === "broker" ? actor.id : null,
  }));
  const created = await db.$transaction(
    async (tx) => {
      let n = 0;
      for (let i = 0; i < rows.length; i += CHUNK) n += (await tx.need.createMany({ data: rows.slice(i, i + CHUNK) })).count;
      return n;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  // Drafts are in no index: nothing to enqueue until the company publishes them.
  return { report, written: true, created };
}

const normalName = (s: string) => s.normalize("NFKC").trim().toLowerCase();

/** Companies by name, for a broker's rows (the names their members registered). */
async function companiesByName(db: PrismaClient): Promise<Map<string, string>> {
  const orgs = await db.organisation.findMany({ where: { kind: "COMPANY" }, select: { id: true, name: true } });
  return new Map(orgs.map((o) => [normalName(o.name), o.id]));
}

/**
 * Titles the company already has (any status but closed) or that repeat within the file. Only
 * among the needs the importer may see: a broker's file must not tell whether a company holds a
 * draft or a broker-only need of that title (the company still confirms each draft).
 */
async function titleProblems(
  db: PrismaClient,
  actor: Actor,
  report: ImportReport<NeedImportRow>,
  organisationOf: (row: NeedImportRow) => string,
): Promise<RowProblem[]> {
  if (report.valid.length === 0) return [];
  const keyed = report.valid.map((v) => ({ row: v.row, org: organisationOf(v.data), title: v.data.title }));
  const existing = await db.need.findMany({
    where: {
      OR: [...new Set(keyed.map((k) => k.org))].map((org) => ({ organisationId: org, title: { in: keyed.filter((k) => k.org === org).map((k) => k.title) } })),
      status: { not: "CLOSED" },
      AND: [needScopeFor(actor)],
    },
    select: { organisationId: true, title: true },
  });
  const taken = new Set(existing.map((e) => `${e.organisationId}\u0000${e.title}`));
  const first = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const k of keyed) {
    const key = `${k.org}\u0000${k.title}`;
    if (taken.has(key)) problems.push({ row: k.row, column: "title", problem: "v.import.needExists" });
    else if (first.has(key)) problems.push({ row: k.row, column: "title", problem: { key: "v.import.duplicateTitle", params: { first: first.get(key)! } } });
    else first.set(key, k.row);
  }
  return problems;
}
