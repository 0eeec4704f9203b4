"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { teaserOf } from "@/lib/needs/teaser";
import type { NeedDraft } from "../use-need-draft";

const numberOrNull = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? Number(v) : null);

/**
 * "What researchers see": the full need, or for a confidential need exactly its teaser, decided
 * by the same `teaserOf` as search, alerts and the need page (the title always shows).
 */
export function NeedPreview({ draft, teaserFields, nodeName }: { draft: NeedDraft; teaserFields: string[]; nodeName: Map<string, string> }) {
  const t = useTranslations("wizard");
  const tNeed = useTranslations("need");
  const { values, keywords, collaborationModes } = draft;
  if (values.visibility === "CONFIDENTIAL") {
    const teaser = teaserOf({
      title: values.title ?? "",
      teaser: values.teaser || null,
      field: values.field ?? "",
      chainNodeId: values.chainNodeId || null,
      teaserFields,
      trlTarget: numberOrNull(values.trlTarget),
      budgetMinCny: numberOrNull(values.budgetMinCny),
      budgetMaxCny: numberOrNull(values.budgetMaxCny),
      collaborationModes,
      region: values.region || null,
    });
    return (
      <PreviewFrame heading={t("previewTeaser")}>
        <h4 className="text-lg font-semibold">{teaser.title}</h4>
        <p className="text-sm text-slate-500">
          {[
            tNeed("hiddenOrg"),
            teaser.field,
            teaser.chainNodeId ? nodeName.get(teaser.chainNodeId) : null,
            teaser.trlTarget ? `TRL ${teaser.trlTarget}` : null,
            teaser.region,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="mt-3 rounded bg-amber-50 p-3 text-sm text-amber-800">{tNeed("teaserOnly")}</p>
        {teaser.teaser && <p className="mt-3 whitespace-pre-line">{teaser.teaser}</p>}
        <Facts
          rows={[
            [t("previewBudget"), budget(teaser.budgetMinCny, teaser.budgetMaxCny)],
            [t("previewModes"), teaser.collaborationModes.map((m) => t(`modes.${m}`)).join("、") || undefined],
          ]}
        />
      </PreviewFrame>
    );
  }
  return (
    <PreviewFrame heading={t("preview")}>
      <h4 className="text-lg font-semibold">{values.title}</h4>
      <p className="text-sm text-slate-500">
        {[values.field, values.chainNodeId ? nodeName.get(values.chainNodeId) : null, values.trlTarget ? `TRL ${values.trlTarget}` : null, values.region]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <p className="mt-2 whitespace-pre-line">{values.description}</p>
      <Facts
        rows={[
          [t("previewTried"), values.triedSoFar],
          [t("previewOutcome"), values.desiredOutcome],
          [t("previewCriteria"), values.acceptanceCriteria],
          [t("previewConstraints"), values.constraints],
          [t("previewBudget"), budget(numberOrNull(values.budgetMinCny), numberOrNull(values.budgetMaxCny))],
          [t("previewDeadline"), values.deadline],
          [t("previewModes"), collaborationModes.map((m) => t(`modes.${m}`)).join("、") || undefined],
        ]}
      />
      {keywords.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-2">
          {keywords.map((k) => (
            <li key={k} className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700">
              {k}
            </li>
          ))}
        </ul>
      )}
    </PreviewFrame>
  );
}

function budget(min: number | null, max: number | null): string | undefined {
  return min !== null || max !== null ? `${min ?? "?"} – ${max ?? "?"} CNY` : undefined;
}

function PreviewFrame({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby="preview-h" data-testid="preview">
      <h3 id="preview-h" className="mb-2 text-sm font-medium text-slate-500">
        {heading}
      </h3>
      <article className="rounded border border-slate-200 p-4">{children}</article>
    </section>
  );
}

function Facts({ rows }: { rows: [string, string | undefined][] }) {
  const shown = rows.filter(([, v]) => v);
  if (shown.length === 0) return null;
  return (
    <dl className="mt-3 space-y-1 text-sm">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt className="inline font-medium">{k}：</dt>
          <dd className="inline whitespace-pre-line">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
