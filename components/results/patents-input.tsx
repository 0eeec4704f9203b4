"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { decodePatents, encodePatents, PATENT_OFFICES, PATENT_STATUSES, PATENT_TYPES, type PatentEntry } from "@/lib/results/patent-options";

const blank = (): PatentEntry => ({ number: "", type: "INVENTION", status: "PENDING", jurisdiction: "CN" });
const control = "rounded border border-slate-300 px-2 py-1.5 text-sm";

// Patents as a small table (number, type, status, office) instead of "number|TYPE|STATUS|CN"
// text. It submits the same text in a hidden "patents" field, so the form, the API and CSV
// import share one schema.
export function PatentsInput({ defaultValue, errors }: { defaultValue?: string; errors?: Record<string, string[]> }) {
  const t = useTranslations("result");
  const [rows, setRows] = useState<PatentEntry[]>(() => decodePatents(defaultValue));
  const update = (i: number, patch: Partial<PatentEntry>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const rowErrors = (i: number) => Object.entries(errors ?? {}).flatMap(([key, list]) => (key.startsWith(`patents.${i}.`) ? list : []));
  const general = errors?.patents;
  return (
    <fieldset className="mb-4" data-testid="patents-input">
      <legend className="text-sm font-medium">{t("patents")}</legend>
      <input type="hidden" name="patents" value={encodePatents(rows)} />
      {rows.length === 0 && <p className="text-xs text-slate-500">{t("patentsNone")}</p>}
      <ul className="space-y-2">
        {rows.map((row, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2">
            <input
              aria-label={t("patentNumber")}
              placeholder={t("patentNumberPlaceholder")}
              value={row.number}
              onChange={(e) => update(i, { number: e.target.value })}
              className={`${control} min-w-0 flex-1`}
              aria-invalid={rowErrors(i).length ? true : undefined}
            />
            <select aria-label={t("patentType")} value={row.type} onChange={(e) => update(i, { type: e.target.value })} className={control}>
              {PATENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`patentTypes.${type}`)}
                </option>
              ))}
            </select>
            <select aria-label={t("patentStatus")} value={row.status} onChange={(e) => update(i, { status: e.target.value })} className={control}>
              {PATENT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`patentStatuses.${status}`)}
                </option>
              ))}
            </select>
            <select aria-label={t("patentOffice")} value={row.jurisdiction} onChange={(e) => update(i, { jurisdiction: e.target.value })} className={control}>
              {[...new Set([...PATENT_OFFICES, row.jurisdiction])].map((office) => (
                <option key={office} value={office}>
                  {t.has(`patentOffices.${office}`) ? t(`patentOffices.${office}`) : office}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => setRows((all) => all.filter((_, j) => j !== i))} className="text-sm text-red-700 underline">
              {t("patentRemove")}
            </button>
            {rowErrors(i).length > 0 && (
              <p className="w-full text-sm text-red-600" role="alert">
                {rowErrors(i).join("; ")}
              </p>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setRows((all) => [...all, blank()])} className="mt-2 text-sm text-brand-700 underline" data-testid="add-patent">
        {t("patentAdd")}
      </button>
      {general?.length ? (
        <p className="mt-1 text-sm text-red-600" role="alert">
          {general.join("; ")}
        </p>
      ) : null}
    </fieldset>
  );
}
