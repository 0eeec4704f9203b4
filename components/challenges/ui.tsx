import type { ReactNode } from "react";

// Small presentational pieces of the challenge pages (server components).

export function formatCny(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN", { style: "currency", currency: "CNY", maximumFractionDigits: 0 }).format(amount);
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(iso));
}

const TONE: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  OPEN: "bg-green-100 text-green-800",
  REVIEW: "bg-amber-100 text-amber-800",
  AWARDED: "bg-blue-100 text-blue-800",
  COMPLETED: "bg-violet-100 text-violet-800",
  CANCELLED: "bg-red-100 text-red-700",
  SUBMITTED: "bg-amber-100 text-amber-800",
  SHORTLISTED: "bg-blue-100 text-blue-800",
  NOT_SELECTED: "bg-slate-100 text-slate-700",
  WITHDRAWN: "bg-slate-100 text-slate-700",
  PENDING: "bg-slate-100 text-slate-700",
  ACCEPTED: "bg-green-100 text-green-800",
  REJECTED: "bg-red-100 text-red-700",
};

export function Badge({ status, children }: { status: string; children: ReactNode }) {
  return (
    <span
      data-testid="status"
      data-status={status}
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[status] ?? "bg-slate-100"}`}
    >
      {children}
    </span>
  );
}

export function Panel({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="mb-6 rounded-lg bg-white p-4 shadow-sm sm:p-6">
      {title && <h2 className="mb-3 text-lg font-semibold">{title}</h2>}
      {children}
    </section>
  );
}
