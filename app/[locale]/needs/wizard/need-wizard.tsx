"use client";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { needCompleteness } from "@/lib/needs/completeness";
import type { NeedSuggestions } from "@/lib/needs/suggest-for-need";
import type { TaxonomyChainView } from "@/lib/taxonomy/list-taxonomy";
import type { FieldErrors } from "@/lib/errors";
import { COLLABORATION_MODES, VISIBILITIES } from "@/lib/validation/enums";
import { autosaveNeedAction, saveNeedChangesAction, suggestAction, transitionNeedAction, type WizardPayload } from "./actions";
import { AttachmentsBox } from "@/components/attachments/attachments-box";

const STEPS = ["problem", "tried", "outcome", "limits", "collaboration", "tags", "review"] as const;
const STEP_FIELDS: Record<(typeof STEPS)[number], string[]> = {
  problem: ["title", "description"],
  tried: ["triedSoFar"],
  outcome: ["desiredOutcome", "acceptanceCriteria"],
  limits: ["constraints", "trlTarget", "budgetMinCny", "budgetMaxCny", "deadline"],
  collaboration: ["collaborationModes", "region", "visibility", "teaser"],
  tags: ["field", "keywords", "chainNodeId"],
  review: [],
};

export type WizardInitial = {
  needId: string | null;
  status: string | null;
  values: Record<string, string>;
  keywords: string[];
  collaborationModes: string[];
  attachments: { id: string; fileName: string; sizeBytes: number; contentType: string }[];
};

type Mode = "company" | "broker";

export function NeedWizard({
  locale,
  initial,
  taxonomy,
  mode,
  visitId,
  maxMb,
  brokerDrafted = false,
}: {
  locale: string;
  brokerDrafted?: boolean;
  initial: WizardInitial;
  taxonomy: TaxonomyChainView[];
  mode: Mode;
  visitId?: string;
  maxMb: number;
}) {
  const t = useTranslations("wizard");
  const tNeed = useTranslations("need");
  const [step, setStep] = useState(0);
  const [values, setValues] = useState<Record<string, string>>({ visibility: "PUBLIC", ...initial.values });
  const [keywords, setKeywords] = useState<string[]>(initial.keywords);
  const [modes, setModes] = useState<string[]>(initial.collaborationModes);
  const [needId, setNeedId] = useState<string | null>(initial.needId);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saveState, setSaveState] = useState<{ kind: "idle" | "saving" | "saved" | "failed"; at?: string }>({ kind: "idle" });
  const [suggestions, setSuggestions] = useState<NeedSuggestions | null>(null);
  const [publishMessage, setPublishMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const isDraft = initial.status === null || initial.status === "DRAFT" || initial.status === "SUBMITTED";
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const suggestTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  const saving = useRef<Promise<unknown> | null>(null);
  const nodeName = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of taxonomy) for (const n of c.nodes) m.set(n.id, `${locale === "en" ? c.nameEn : c.nameZh} · ${locale === "en" ? n.nameEn : n.nameZh}`);
    return m;
  }, [taxonomy, locale]);

  const payload = (): WizardPayload => ({ values, keywords, collaborationModes: modes });
  const completeness = needCompleteness({ ...values, keywords, collaborationModes: modes });

  async function save(): Promise<string | null> {
    if (!isDraft) return needId;
    clearTimeout(saveTimer.current);
    setSaveState({ kind: "saving" });
    const promise = autosaveNeedAction(locale, { needId: needId ?? undefined, visitId }, payload());
    saving.current = promise;
    const out = await promise;
    dirty.current = false;
    setFields(out.fields ?? {});
    if (out.id && out.id !== needId) {
      setNeedId(out.id);
      // The draft now has an address: a reload comes back to it.
      window.history.replaceState(null, "", `/${locale}/needs/${out.id}/wizard`);
    }
    setSaveState(out.ok ? { kind: "saved", at: new Date().toLocaleTimeString(locale) } : { kind: "failed" });
    return out.id ?? needId;
  }

  // Autosave shortly after the last change; suggestions a little later.
  useEffect(() => {
    if (!dirty.current || !isDraft) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void save(), 800);
    return () => clearTimeout(saveTimer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values, keywords, modes]);

  const text = [values.description, values.triedSoFar, values.desiredOutcome, values.acceptanceCriteria].filter(Boolean).join("\n");
  useEffect(() => {
    clearTimeout(suggestTimer.current);
    if (!values.title && !text) return;
    suggestTimer.current = setTimeout(() => {
      void suggestAction({ title: values.title ?? "", text, keywords, excludeId: needId ?? undefined }).then((s) => s && setSuggestions(s));
    }, 400);
    return () => clearTimeout(suggestTimer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values.title, text, keywords.join("|")]);

  const set = (name: string, value: string) => {
    dirty.current = true;
    setValues((v) => ({ ...v, [name]: value }));
  };
  const addKeyword = (k: string) => {
    dirty.current = true;
    setKeywords((ks) => (ks.includes(k) || ks.length >= 20 ? ks : [...ks, k]));
  };
  const removeKeyword = (k: string) => {
    dirty.current = true;
    setKeywords((ks) => ks.filter((x) => x !== k));
  };
  const toggleMode = (m: string) => {
    dirty.current = true;
    setModes((ms) => (ms.includes(m) ? ms.filter((x) => x !== m) : [...ms, m]));
  };

  function goTo(next: number) {
    setStep(Math.max(0, Math.min(STEPS.length - 1, next)));
    if (dirty.current) void save();
  }

  function publish(action: "publish" | "submit") {
    setPublishMessage(null);
    startTransition(async () => {
      if (saving.current) await saving.current;
      const id = await save();
      if (!id) return;
      const out = await transitionNeedAction(locale, id, action);
      if (out && !out.ok) {
        setFields(out.fields ?? {});
        setPublishMessage(out.message ?? t("publishErrors"));
      }
    });
  }

  function saveChanges() {
    startTransition(async () => {
      const out = await saveNeedChangesAction(locale, needId!, payload());
      if (out && !out.ok) {
        setFields(out.fields ?? {});
        setPublishMessage(out.message ?? t("publishErrors"));
      }
    });
  }

  const current = STEPS[step]!;
  // Until fresh suggestions arrive, never offer what was just accepted.
  const offered = (suggestions?.keywords ?? []).filter((k) => !keywords.some((have) => have.toLowerCase() === k.toLowerCase()));
  const err = (name: string) => fields[name] ?? Object.entries(fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
  const stepHasError = (i: number) => STEP_FIELDS[STEPS[i]!].some((f) => err(f));

  const input = (name: string, props: { label: string; example?: string; hint?: string; multiline?: boolean; type?: string; rows?: number }) => {
    const e = err(name);
    const describedBy =
      [props.example ? `${name}-example` : "", props.hint ? `${name}-hint` : "", e ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
    const common = {
      id: name,
      name,
      value: values[name] ?? "",
      onChange: (ev: { target: { value: string } }) => set(name, ev.target.value),
      "aria-invalid": e ? true : undefined,
      "aria-describedby": describedBy,
      className: "mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500",
    };
    return (
      <div className="mb-5">
        <label htmlFor={name} className="block font-medium">
          {props.label}
        </label>
        {props.example && (
          <p id={`${name}-example`} className="mt-1 rounded bg-slate-50 px-3 py-2 text-sm text-slate-600">
            <span className="font-medium">{t("example")}：</span>
            {props.example}
          </p>
        )}
        {props.multiline ? <textarea rows={props.rows ?? 5} {...common} /> : <input type={props.type ?? "text"} {...common} />}
        {props.hint && (
          <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">
            {props.hint}
          </p>
        )}
        {e && (
          <p id={`${name}-error`} role="alert" className="mt-1 text-sm text-red-600">
            {e.join("; ")}
          </p>
        )}
      </div>
    );
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="rounded-lg bg-white p-6 shadow-sm">
        <ol className="mb-6 flex flex-wrap gap-2 text-xs" aria-label={t("step", { n: step + 1, total: STEPS.length })}>
          {STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                onClick={() => goTo(i)}
                aria-current={i === step ? "step" : undefined}
                className={`rounded-full px-3 py-1 ${i === step ? "bg-brand-600 text-white" : stepHasError(i) ? "bg-red-100 text-red-700" : "bg-slate-100 text-slate-700"}`}
              >
                {i + 1}. {t(`steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
        <h2 className="mb-4 text-xl font-semibold">{t(`steps.${current}`)}</h2>

        {current === "problem" && (
          <>
            {input("title", { label: t("q.title"), example: t("q.titleExample") })}
            {input("description", { label: t("q.description"), example: t("q.descriptionExample"), multiline: true, rows: 7 })}
          </>
        )}
        {current === "tried" && input("triedSoFar", { label: t("q.triedSoFar"), example: t("q.triedSoFarExample"), multiline: true })}
        {current === "outcome" && (
          <>
            {input("desiredOutcome", { label: t("q.desiredOutcome"), example: t("q.desiredOutcomeExample"), multiline: true, rows: 4 })}
            {input("acceptanceCriteria", { label: t("q.acceptanceCriteria"), example: t("q.acceptanceCriteriaExample"), multiline: true, rows: 4 })}
          </>
        )}
        {current === "limits" && (
          <>
            {input("constraints", { label: t("q.constraints"), example: t("q.constraintsExample"), multiline: true, rows: 3 })}
            <div className="mb-5">
              <label htmlFor="trlTarget" className="block font-medium">
                {t("q.trlTarget")}
              </label>
              <select
                id="trlTarget"
                value={values.trlTarget ?? ""}
                onChange={(e) => set("trlTarget", e.target.value)}
                aria-describedby="trlTarget-hint"
                aria-invalid={err("trlTarget") ? true : undefined}
                className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
              >
                <option value="">{t("trlNone")}</option>
                {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
                  <option key={n} value={String(n)}>
                    {t(`trl.${n}`)}
                  </option>
                ))}
              </select>
              <p id="trlTarget-hint" className="mt-1 text-xs text-slate-500">
                {t("q.trlHint")}
              </p>
              {err("trlTarget") && (
                <p role="alert" className="mt-1 text-sm text-red-600">
                  {err("trlTarget")!.join("; ")}
                </p>
              )}
            </div>
            <p className="font-medium">{t("q.budget")}</p>
            <p className="mb-1 text-sm text-slate-600">{t("q.budgetExample")}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              {input("budgetMinCny", { label: tNeed("budgetMin"), type: "number" })}
              {input("budgetMaxCny", { label: tNeed("budgetMax"), type: "number" })}
            </div>
            {input("deadline", { label: t("q.deadline"), type: "date" })}
          </>
        )}
        {current === "collaboration" && (
          <>
            <fieldset className="mb-5">
              <legend className="font-medium">{t("q.modes")}</legend>
              <div className="mt-2 grid gap-1 sm:grid-cols-2">
                {COLLABORATION_MODES.map((m) => (
                  <label key={m} className="inline-flex items-center gap-2">
                    <input type="checkbox" checked={modes.includes(m)} onChange={() => toggleMode(m)} /> {t(`modes.${m}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            {input("region", { label: t("q.region"), example: t("q.regionExample") })}
            <fieldset className="mb-5">
              <legend className="font-medium">{t("q.visibility")}</legend>
              {VISIBILITIES.map((v) => (
                <label key={v} className="mr-4 inline-flex items-center gap-1">
                  <input type="radio" name="visibility" checked={(values.visibility ?? "PUBLIC") === v} onChange={() => set("visibility", v)} /> {tNeed(v)}
                </label>
              ))}
            </fieldset>
            {(values.visibility === "CONFIDENTIAL" || err("teaser")) &&
              input("teaser", { label: tNeed("teaser"), hint: tNeed("teaserHint"), multiline: true, rows: 3 })}
          </>
        )}
        {current === "tags" && (
          <>
            {input("field", { label: t("q.field"), example: t("q.fieldExample") })}
            <div className="mb-5">
              <p className="font-medium">{t("q.keywords")}</p>
              <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("q.keywords")} data-testid="keywords">
                {keywords.map((k) => (
                  <li key={k} className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700">
                    {k}{" "}
                    <button type="button" aria-label={t("removeKeyword", { k })} onClick={() => removeKeyword(k)}>
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
                    if (v) addKeyword(v);
                    e.currentTarget.value = "";
                  }
                }}
              />
              {err("keywords") && (
                <p role="alert" className="mt-1 text-sm text-red-600">
                  {err("keywords")!.join("; ")}
                </p>
              )}
              {offered.length > 0 && (
                <div className="mt-3" data-testid="suggested-keywords">
                  <p className="text-sm text-slate-600">{t("suggestedKeywords")}</p>
                  <div className="mt-1 flex flex-wrap gap-2">
                    {offered.map((k) => (
                      <button
                        key={k}
                        type="button"
                        onClick={() => addKeyword(k)}
                        aria-label={t("addKeyword", { k })}
                        className="rounded border border-dashed border-brand-600 px-2 py-0.5 text-sm text-brand-700 hover:bg-brand-50"
                      >
                        + {k}
                      </button>
                    ))}
                  </div>
                </div>
              )}
            </div>
            <div className="mb-5">
              <label htmlFor="chainNodeId" className="block font-medium">
                {t("q.chainNode")}
              </label>
              <select
                id="chainNodeId"
                value={values.chainNodeId ?? ""}
                onChange={(e) => set("chainNodeId", e.target.value)}
                className="mt-1 block w-full rounded border border-slate-300 px-3 py-2"
              >
                <option value="">{t("q.chainNodeNone")}</option>
                {taxonomy.map((c) => (
                  <optgroup key={c.id} label={locale === "en" ? c.nameEn : c.nameZh}>
                    {c.nodes.map((n) => (
                      <option key={n.id} value={n.id}>
                        {locale === "en" ? n.nameEn : n.nameZh}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              {suggestions && suggestions.chainNodes.length > 0 && (
                <div className="mt-3" data-testid="suggested-nodes">
                  <p className="text-sm text-slate-600">{t("suggestedNodes")}</p>
                  <div className="mt-1 flex flex-wrap gap-2">
                    {suggestions.chainNodes.map((n) => (
                      <button
                        key={n.id}
                        type="button"
                        onClick={() => set("chainNodeId", n.id)}
                        aria-label={t("useNode", { name: locale === "en" ? n.nameEn : n.nameZh })}
                        title={n.matched.join(", ")}
                        aria-pressed={values.chainNodeId === n.id}
                        className="rounded border border-dashed border-brand-600 px-2 py-0.5 text-sm text-brand-700 hover:bg-brand-50 aria-pressed:bg-brand-600 aria-pressed:text-white"
                      >
                        {nodeName.get(n.id) ?? n.id}
                      </button>
                    ))}
                  </div>
                </div>
              )}
            </div>
            {mode === "company" && <AttachmentsBox locale={locale} target={needId ? { needId } : null} initial={initial.attachments} maxMb={maxMb} />}
          </>
        )}
        {current === "review" && (
          <div>
            <Preview values={values} keywords={keywords} modes={modes} nodeName={nodeName} />
            {publishMessage && (
              <div role="alert" className="mt-4 rounded bg-red-50 p-3 text-red-700">
                <p>{publishMessage}</p>
                <ul className="list-disc pl-5">
                  {Object.entries(fields).map(([k, v]) => (
                    <li key={k}>
                      {k}: {v.join("; ")}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="mt-6 flex flex-wrap gap-3">
              {mode === "broker" ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => startTransition(async () => void (await save()))}
                  className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60"
                >
                  {t("brokerSave")}
                </button>
              ) : isDraft ? (
                <>
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => publish("publish")}
                    className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60"
                  >
                    {brokerDrafted ? t("confirmPublish") : t("publish")}
                  </button>
                  {initial.status !== "SUBMITTED" && (
                    <button type="button" disabled={pending} onClick={() => publish("submit")} className="rounded border px-4 py-2">
                      {t("submitForReview")}
                    </button>
                  )}
                </>
              ) : (
                <button
                  type="button"
                  disabled={pending}
                  onClick={saveChanges}
                  className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60"
                >
                  {t("saveChanges")}
                </button>
              )}
            </div>
            {mode === "broker" && saveState.kind === "saved" && (
              <p role="status" className="mt-3 text-green-700">
                {t("brokerSaved")}
              </p>
            )}
          </div>
        )}

        <div className="mt-6 flex justify-between">
          <button type="button" onClick={() => goTo(step - 1)} disabled={step === 0} className="rounded border px-4 py-2 disabled:opacity-40">
            {t("back")}
          </button>
          {step < STEPS.length - 1 && (
            <button type="button" onClick={() => goTo(step + 1)} className="rounded bg-slate-800 px-4 py-2 text-white">
              {t("next")}
            </button>
          )}
        </div>
      </div>

      <aside className="space-y-4">
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="completeness-h">
          <h2 id="completeness-h" className="font-semibold">
            {t("completeness")}
          </h2>
          <p className="text-3xl font-bold text-brand-700" data-testid="completeness-score">
            {completeness.score}%
          </p>
          <div className="mt-1 h-2 rounded bg-slate-100">
            <div className="h-2 rounded bg-brand-600" style={{ width: `${completeness.score}%` }} />
          </div>
          {completeness.advice.length === 0 ? (
            <p className="mt-2 text-sm text-green-700">{t("allGood")}</p>
          ) : (
            <ul className="mt-2 list-disc pl-5 text-sm text-slate-700" data-testid="completeness-advice">
              {completeness.advice.slice(0, 5).map((a) => (
                <li key={a}>{t(`advice.${a}`)}</li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-xs text-slate-500" role="status" data-testid="autosave-status">
            {!isDraft
              ? null
              : saveState.kind === "saving"
                ? t("saving")
                : saveState.kind === "saved"
                  ? t("saved", { time: saveState.at ?? "" })
                  : saveState.kind === "failed"
                    ? t("saveFailed")
                    : needId
                      ? ""
                      : t("notSaved")}
          </p>
        </section>
        <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="similar-h" data-testid="similar">
          <h2 id="similar-h" className="font-semibold">
            {t("similar")}
          </h2>
          <p className="text-xs text-slate-500">{t("similarHint")}</p>
          {(["similarResults", "similarNeeds"] as const).map((k) => (
            <div key={k} className="mt-3">
              <h3 className="text-sm font-medium">{t(k)}</h3>
              {!suggestions || suggestions[k].length === 0 ? (
                <p className="text-sm text-slate-500">{t("similarNone")}</p>
              ) : (
                <ul className="mt-1 space-y-1 text-sm">
                  {suggestions[k].map((h) => (
                    <li key={h.id}>
                      <a
                        href={`/${locale}/${k === "similarResults" ? "results" : "needs"}/${h.id}`}
                        target="_blank"
                        rel="noreferrer"
                        className="text-brand-700 hover:underline"
                      >
                        {h.title}
                      </a>
                      {h.trl ? <span className="text-slate-500"> · TRL {h.trl}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      </aside>
    </div>
  );
}

function Preview({
  values,
  keywords,
  modes,
  nodeName,
}: {
  values: Record<string, string>;
  keywords: string[];
  modes: string[];
  nodeName: Map<string, string>;
}) {
  const t = useTranslations("wizard");
  const rows: [string, string | undefined][] = [
    [t("previewTried"), values.triedSoFar],
    [t("previewOutcome"), values.desiredOutcome],
    [t("previewCriteria"), values.acceptanceCriteria],
    [t("previewConstraints"), values.constraints],
    [t("previewBudget"), values.budgetMinCny || values.budgetMaxCny ? `${values.budgetMinCny || "?"} – ${values.budgetMaxCny || "?"} CNY` : undefined],
    [t("previewDeadline"), values.deadline],
    [t("previewModes"), modes.map((m) => t(`modes.${m}`)).join("、") || undefined],
  ];
  return (
    <section aria-labelledby="preview-h" data-testid="preview">
      <h3 id="preview-h" className="mb-2 text-sm font-medium text-slate-500">
        {t("preview")}
      </h3>
      <article className="rounded border border-slate-200 p-4">
        <h4 className="text-lg font-semibold">{values.title}</h4>
        <p className="text-sm text-slate-500">
          {[values.field, values.chainNodeId ? nodeName.get(values.chainNodeId) : null, values.trlTarget ? `TRL ${values.trlTarget}` : null, values.region]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="mt-2 whitespace-pre-line">{values.description}</p>
        <dl className="mt-3 space-y-1 text-sm">
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt className="inline font-medium">{k}：</dt>
                <dd className="inline whitespace-pre-line">{v}</dd>
              </div>
            ))}
        </dl>
        {keywords.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-2">
            {keywords.map((k) => (
              <li key={k} className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700">
                {k}
              </li>
            ))}
          </ul>
        )}
      </article>
    </section>
  );
}
