"use client";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { idleState, type FormState } from "@/lib/forms/form-state";
import type { ImportReportView } from "@/lib/import/report-view";

type ImportAction = (previous: unknown, input: FormData) => Promise<FormState<ImportReportView>>;

// One form for every bulk import (results, needs). Step 1: check the file (nothing written); the
// row report is shown and can be downloaded as CSV. Step 2: the user chooses: import nothing, or
// only the valid rows (or everything, when every row is valid). The file stays in memory between steps.
export function ImportForm({ action, kind, reportName }: { action: ImportAction; kind: "results" | "needs"; reportName: string }) {
  const t = useTranslations("import");
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<FormState<ImportReportView>>(idleState);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const run = (mode: "validate" | "all-or-nothing" | "valid-only") =>
    startTransition(async () => {
      if (!file) return;
      const body = new FormData();
      body.set("file", file);
      body.set("mode", mode);
      setState(await action(null, body));
    });
  const report = state.status === "success" ? state.data : undefined;
  const problems = report?.problems ?? [];
  // The report as a file for spreadsheets (the same rows as the table).
  const reportUrl = useMemo(
    () =>
      report && report.problems.length + report.fileProblems.length > 0
        ? URL.createObjectURL(new Blob([report.reportCsv], { type: "text/csv;charset=utf-8" }))
        : null,
    [report],
  );
  useEffect(() => () => void (reportUrl && URL.revokeObjectURL(reportUrl)), [reportUrl]);
  const download = reportUrl && (
    <a href={reportUrl} download={reportName} className="text-sm text-brand-700 underline" data-testid="import-report-download">
      {t("downloadReport")}
    </a>
  );
  const badRows = new Set(problems.map((p) => p.row)).size;
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="import-file" className="block font-medium">
          {t("file")}
        </label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setState(idleState);
          }}
        />
        <p className="mt-1 text-xs text-slate-500">{t("fileHint")}</p>
      </div>
      <button
        type="button"
        disabled={!file || pending}
        onClick={() => run("validate")}
        className="rounded bg-brand-600 px-4 py-2 text-white disabled:opacity-50"
      >
        {t("check")}
      </button>
      {state.status === "error" && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-700">
          {state.message}
        </p>
      )}
      {report && report.fileProblems.length > 0 && (
        <div>
          <ul role="alert" className="list-disc rounded bg-red-50 p-3 pl-8 text-red-700">
            {report.fileProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {download}
        </div>
      )}
      {report && !report.written && report.fileProblems.length === 0 && (
        <section aria-labelledby="report-h" data-testid="import-report">
          <h2 id="report-h" className="text-lg font-semibold">
            {t("report")}
          </h2>
          <p data-testid="import-summary">{t("summary", { total: report.totalRows, valid: report.validRows, bad: badRows })}</p>
          {download && <p className="mt-1">{download}</p>}
          {problems.length > 0 && (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="import-problems">
                <thead>
                  <tr>
                    <th className="pr-4">{t("row")}</th>
                    <th className="pr-4">{t("column")}</th>
                    <th>{t("problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={i} className="border-t">
                      <td className="pr-4">{p.row}</td>
                      <td className="pr-4">{p.column}</td>
                      <td>{p.problem}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="mt-4 flex flex-wrap gap-3">
            {problems.length === 0 ? (
              <button type="button" disabled={pending} onClick={() => run("all-or-nothing")} className="rounded bg-brand-600 px-4 py-2 text-white">
                {t("importAll", { n: report.validRows })}
              </button>
            ) : (
              <button
                type="button"
                disabled={pending || !report.validRows}
                onClick={() => run("valid-only")}
                className="rounded bg-brand-600 px-4 py-2 text-white"
              >
                {t("importValid", { n: report.validRows })}
              </button>
            )}
            <button
              type="button"
              disabled={pending}
              onClick={() => {
                setState(idleState);
                setFile(null);
                if (input.current) input.current.value = "";
              }}
              className="rounded border px-4 py-2"
            >
              {t("importNothing")}
            </button>
          </div>
        </section>
      )}
      {report?.written && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-700" data-testid="import-done">
          {kind === "needs" ? t("doneNeeds", { created: report.created }) : t("done", { created: report.created, updated: report.updated })}
        </p>
      )}
    </div>
  );
}
