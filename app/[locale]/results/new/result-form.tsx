"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { AttachmentsBox } from "@/components/attachments/attachments-box";
import { Field, FormMessage } from "@/components/form/field";
import { PatentsInput } from "@/components/results/patents-input";
import { idleState } from "@/lib/forms/form-state";
import { COLLABORATION_MODES } from "@/lib/validation/enums";
import { updateResultAction } from "../[id]/edit/actions";
import { createResultAction } from "./actions";

export type ResultFormEdit = { resultId: string; version: number; initial: Record<string, string>; attachments: { id: string; fileName: string }[] };

// Files sent with the create form travel in one server-action body (limit in next.config.js).
const MAX_FORM_FILES_BYTES = 24 * 1024 * 1024;
const ACCEPT = "application/pdf,image/png,image/jpeg,image/webp,image/gif";

/** Creates a result, or with `edit` edits one (same fields, same zod schema on the server). */
export function ResultForm({
  locale,
  chainNodes = [],
  edit,
  maxMb,
}: {
  locale: string;
  chainNodes?: { id: string; label: string }[];
  edit?: ResultFormEdit;
  maxMb: number;
}) {
  const tw = useTranslations("wizard");
  const t = useTranslations("result");
  const tf = useTranslations("form");
  const tn = useTranslations("need");
  const [state, action, pending] = useActionState(edit ? updateResultAction.bind(null, locale) : createResultAction.bind(null, locale), idleState);
  const [filesError, setFilesError] = useState<string | null>(null);
  const v = state.values ?? edit?.initial ?? {};
  const f = state.fields ?? {};
  const attachmentErrors = filesError ? [filesError] : f.attachments;
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      {edit && <input type="hidden" name="resultId" value={edit.resultId} />}
      {edit && <input type="hidden" name="version" value={edit.version} />}
      <Field name="title" label={t("title")} defaultValue={v.title} errors={f.title} required />
      <Field name="summary" label={t("summary")} defaultValue={v.summary} errors={f.summary} multiline rows={4} required />
      <Field name="description" label={t("description")} defaultValue={v.description} errors={f.description} multiline />
      <Field name="field" label={t("field")} hint={tn("fieldHint")} defaultValue={v.field} errors={f.field} required />
      <Field name="keywords" label={t("keywords")} hint={tn("keywordsHint")} defaultValue={v.keywords} errors={f.keywords} />
      <Field name="trl" type="number" min={1} max={9} label={t("trl")} defaultValue={v.trl} errors={f.trl} />
      <Field name="advantages" label={t("advantages")} defaultValue={v.advantages} errors={f.advantages} multiline rows={3} />
      <Field
        name="applicationScenarios"
        label={t("applicationScenarios")}
        defaultValue={v.applicationScenarios}
        errors={f.applicationScenarios}
        multiline
        rows={3}
      />
      <PatentsInput defaultValue={v.patents} errors={f} />
      <fieldset className="mb-4">
        <legend className="text-sm font-medium">{t("transferModes")}</legend>
        {COLLABORATION_MODES.map((m) => (
          <label key={m} className="mr-4 inline-flex items-center gap-1">
            <input type="checkbox" name="transferModes" value={m} defaultChecked={v.transferModes?.split(",").includes(m)} /> {tw(`modes.${m}`)}
          </label>
        ))}
      </fieldset>
      {chainNodes.length > 0 && (
        <div className="mb-4">
          <label htmlFor="chainNodeId" className="block text-sm font-medium">
            {tw("q.chainNode")}
          </label>
          <select id="chainNodeId" name="chainNodeId" defaultValue={v.chainNodeId} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2">
            <option value="">{tw("q.chainNodeNone")}</option>
            {chainNodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field name="priceExpectation" label={t("priceExpectation")} defaultValue={v.priceExpectation} errors={f.priceExpectation} />
      <Field name="lab" label={t("lab")} defaultValue={v.lab} errors={f.lab} />
      <Field name="team" label={t("team")} defaultValue={v.team} errors={f.team} multiline rows={2} />
      <Field name="externalId" label={t("externalId")} defaultValue={v.externalId} errors={f.externalId} />
      {edit ? (
        <AttachmentsBox locale={locale} target={{ resultId: edit.resultId }} initial={edit.attachments} maxMb={maxMb} />
      ) : (
        <div className="mb-4">
          <label htmlFor="attachments" className="block text-sm font-medium">
            {t("attachments")}
          </label>
          <input
            id="attachments"
            name="attachments"
            type="file"
            multiple
            accept={ACCEPT}
            className="mt-1 block"
            aria-describedby={attachmentErrors?.length ? "attachments-hint attachments-error" : "attachments-hint"}
            aria-invalid={attachmentErrors?.length ? true : undefined}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              const tooBig = files.find((x) => x.size > maxMb * 1024 * 1024);
              const total = files.reduce((n, x) => n + x.size, 0);
              if (tooBig || total > MAX_FORM_FILES_BYTES) {
                setFilesError(
                  tooBig ? t("attachmentTooLarge", { name: tooBig.name, mb: maxMb }) : t("attachmentsTooLarge", { mb: MAX_FORM_FILES_BYTES / 1024 / 1024 }),
                );
                e.target.value = "";
              } else setFilesError(null);
            }}
          />
          <p id="attachments-hint" className="mt-1 text-xs text-slate-500">
            {t("attachmentsHint", { mb: maxMb })}
          </p>
          {attachmentErrors?.length ? (
            <p id="attachments-error" className="mt-1 text-sm text-red-600" role="alert">
              {attachmentErrors.join("; ")}
            </p>
          ) : null}
        </div>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? tf("saving") : edit ? t("save") : t("submit")}
      </button>
    </form>
  );
}
