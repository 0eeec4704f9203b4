"use client";
import { useTranslations } from "next-intl";
import { AttachmentsBox } from "@/components/attachments/attachments-box";
import type { TaxonomyChainView } from "@/lib/taxonomy/list-taxonomy";
import type { WizardInitial } from "../use-need-draft";
import { Question } from "./question";
import type { StepProps } from "./step-props";

const chip = "rounded border border-dashed border-brand-600 px-2 py-0.5 text-sm text-brand-700 hover:bg-brand-50";

// Step 6: field, keywords and chain node, each with one-click suggestions; attachments (companies).
export function TagsStep({
  draft,
  errorsOf,
  locale,
  taxonomy,
  nodeName,
  attachments,
  maxMb,
}: StepProps & {
  locale: string;
  taxonomy: TaxonomyChainView[];
  nodeName: Map<string, string>;
  attachments: WizardInitial["attachments"] | null;
  maxMb: number;
}) {
  const t = useTranslations("wizard");
  const { keywords, values } = draft.draft;
  const name = (n: { nameEn: string; nameZh: string }) => (locale === "en" ? n.nameEn : n.nameZh);
  // Until fresh suggestions arrive, never offer what was just accepted.
  const offered = (draft.suggestions?.keywords ?? []).filter((k) => !keywords.some((have) => have.toLowerCase() === k.toLowerCase()));
  const nodes = draft.suggestions?.chainNodes ?? [];
  return (
    <>
      <Question draft={draft} errorsOf={errorsOf} name="field" />
      <div className="mb-4">
        <p className="text-sm font-medium">{t("q.keywords")}</p>
        <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("q.keywords")} data-testid="keywords">
          {keywords.map((k) => (
            <li key={k} className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700">
              {k}{" "}
              <button type="button" aria-label={t("removeKeyword", { k })} onClick={() => draft.removeKeyword(k)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          aria-label={t("q.keywords")}
          placeholder="…"
          className="mt-2 block w-full rounded border border-slate-300 px-3 py-2"
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === "," || e.key === "，") {
              e.preventDefault();
              const v = e.currentTarget.value.trim();
              if (v) draft.addKeyword(v);
              e.currentTarget.value = "";
            }
          }}
        />
        {errorsOf("keywords") && (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {errorsOf("keywords")!.join("; ")}
          </p>
        )}
        {offered.length > 0 && (
          <div className="mt-3" data-testid="suggested-keywords">
            <p className="text-sm text-slate-600">{t("suggestedKeywords")}</p>
            <div className="mt-1 flex flex-wrap gap-2">
              {offered.map((k) => (
                <button key={k} type="button" onClick={() => draft.addKeyword(k)} aria-label={t("addKeyword", { k })} className={chip}>
                  + {k}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
      <div className="mb-4">
        <label htmlFor="chainNodeId" className="block text-sm font-medium">
          {t("q.chainNode")}
        </label>
        <select
          id="chainNodeId"
          value={values.chainNodeId ?? ""}
          onChange={(e) => draft.setValue("chainNodeId", e.target.value)}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
        >
          <option value="">{t("q.chainNodeNone")}</option>
          {taxonomy.map((c) => (
            <optgroup key={c.id} label={name(c)}>
              {c.nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {name(n)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {nodes.length > 0 && (
          <div className="mt-3" data-testid="suggested-nodes">
            <p className="text-sm text-slate-600">{t("suggestedNodes")}</p>
            <div className="mt-1 flex flex-wrap gap-2">
              {nodes.map((n) => (
                <button
                  key={n.id}
                  type="button"
                  onClick={() => draft.setValue("chainNodeId", n.id)}
                  aria-label={t("useNode", { name: name(n) })}
                  title={n.matched.join(", ")}
                  aria-pressed={values.chainNodeId === n.id}
                  className={`${chip} aria-pressed:bg-brand-600 aria-pressed:text-white`}
                >
                  {nodeName.get(n.id) ?? n.id}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
      {attachments && <AttachmentsBox locale={locale} target={draft.needId ? { needId: draft.needId } : null} initial={attachments} maxMb={maxMb} />}
    </>
  );
}
