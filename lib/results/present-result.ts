import type { MaybeActor } from "@/lib/policy";
import type { Patent } from "./schemas";

export type ResultView = {
  id: string;
  title: string;
  summary: string;
  description: string | null;
  field: string;
  keywords: string[];
  lang: "zh" | "en";
  status: string;
  trl: number | null;
  transferModes: string[];
  advantages: string | null;
  applicationScenarios: string | null;
  patents: Patent[];
  priceExpectation: string | null;
  lab: string | null;
  team: string | null;
  externalId: string | null;
  chainNode: { id: string; chainId: string; nameZh: string; nameEn: string } | null;
  organisation: { id: string; name: string; verified: boolean };
  isOwner: boolean;
  /** Owners only: the date by which the result must be confirmed as still available, or it expires. */
  reconfirmBy: string | null;
  version: number;
  createdAt: string;
};

export type ResultRow = Omit<ResultView, "isOwner" | "createdAt" | "patents" | "organisation" | "reconfirmBy"> & {
  organisationId: string;
  reconfirmBy?: Date | null;
  createdAt: Date;
  patents: unknown;
  organisation: { id: string; name: string; verifiedAt: Date | null };
};

export function presentResult(actor: MaybeActor, row: ResultRow): ResultView {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    description: row.description,
    field: row.field,
    keywords: row.keywords,
    lang: row.lang,
    status: row.status,
    trl: row.trl,
    transferModes: row.transferModes,
    advantages: row.advantages,
    applicationScenarios: row.applicationScenarios,
    patents: Array.isArray(row.patents) ? (row.patents as Patent[]) : [],
    priceExpectation: row.priceExpectation,
    lab: row.lab,
    team: row.team,
    externalId: row.externalId,
    chainNode: row.chainNode,
    organisation: { id: row.organisation.id, name: row.organisation.name, verified: row.organisation.verifiedAt !== null },
    isOwner: actor?.organisationId === row.organisationId,
    reconfirmBy: actor?.organisationId === row.organisationId && row.reconfirmBy ? row.reconfirmBy.toISOString() : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export const resultRowInclude = {
  chainNode: { select: { id: true, chainId: true, nameZh: true, nameEn: true } },
  organisation: { select: { id: true, name: true, verifiedAt: true } },
} as const;
