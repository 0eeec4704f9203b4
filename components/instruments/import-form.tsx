"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/field";
import type { ServerAction } from "@/lib/actions/action-client";
import { idleState } from "@/lib/forms/form-state";

type Outcome = {
  written: boolean;
  created: number;
  updated: number;
  report: { fileProblems: string[]; totalRows: number; validRows: number; problems: { row: number; column: string; problem: string }[] };
};

/** Upload a CSV or XLSX file, check it, then import (all rows, or only the valid ones). */
export function InstrumentImportForm({ action }: { action: ServerAction }) {
  const t = useTranslations("instruments.import");
  const locale = useLocale();
  const [state, run, pending] = useActionState(action.bind(null, locale), idleState);
  const outcome = state.data?.outcome ? (JSON.parse(state.data.outcome) as Outcome) : null;
  return (
    <div className="rounded-lg bg-white p-6 shadow-sm">
      <form action={run} className="space-y-3" data-testid="import-form">
        <label className="block text-sm font-medium">
          {t("file")}
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mt-1 block"
          />
        </label>
        {state.fields?.file && (
          <p className="text-sm text-red-600" role="alert">
            {state.fields.file.join("; ")}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {(["validate", "all-or-nothing", "valid-only"] as const).map((mode) => (
            <button
              key={mode}
              type="submit"
              name="mode"
              value={mode}
              disabled={pending}
              className={`rounded px-3 py-1.5 text-sm disabled:opacity-60 ${mode === "validate" ? "border border-slate-300" : "bg-brand-600 text-white hover:bg-brand-700"}`}
            >
              {t(`mode.${mode}`)}
            </button>
          ))}
        </div>
      </form>
      {state.status === "error" && <FormMessage status="error" message={state.message} />}
      {outcome && (
        <div className="mt-4" role="status" data-testid="import-report">
          {outcome.written ? (
            <p className="rounded bg-green-50 p-3 text-green-800">{t("written", { created: outcome.created, updated: outcome.updated })}</p>
          ) : (
            <p className="rounded bg-slate-50 p-3">{t("checked", { total: outcome.report.totalRows, valid: outcome.report.validRows })}</p>
          )}
          {outcome.report.fileProblems.map((p) => (
            <p key={p} className="mt-2 rounded bg-red-50 p-2 text-sm text-red-700">
              {p}
            </p>
          ))}
          {outcome.report.problems.length > 0 && (
            <table className="mt-3 w-full text-sm">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="py-1">{t("row")}</th>
                  <th>{t("column")}</th>
                  <th>{t("problem")}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.report.problems.map((p, i) => (
                  <tr key={i} className="border-t border-slate-100">
                    <td className="py-1">{p.row}</td>
                    <td>{p.column}</td>
                    <td>{p.problem}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
