"use client";
import { useActionState } from "react";
import { idleState } from "@/lib/forms/form-state";
import { retryJobsAction } from "./actions";

export function RetryButton({ locale, jobId, label }: { locale: string; jobId: string; label: string }) {
  const [state, action, pending] = useActionState(retryJobsAction.bind(null, locale), idleState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="jobId" value={jobId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-brand-600 px-2 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        data-testid={`retry-${jobId}`}
      >
        {label}
      </button>
      {state.message && (
        <span role="status" className="ml-2 text-sm text-slate-600">
          {state.message}
        </span>
      )}
    </form>
  );
}
