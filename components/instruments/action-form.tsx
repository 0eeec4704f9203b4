"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/field";
import type { ServerAction } from "@/lib/actions/action-client";
import { idleState } from "@/lib/forms/form-state";

export type InlineField = {
  name: string;
  label: string;
  type?: "text" | "number" | "datetime-local" | "textarea" | "select" | "file";
  defaultValue?: string;
  required?: boolean;
  options?: { value: string; label: string }[];
  step?: string;
  /** File inputs: accepted types (a hint to the browser; the server checks the bytes) and several files. */
  accept?: string;
  multiple?: boolean;
};

/**
 * A small form for one server action of the action client (bound ids in hidden inputs, a few
 * visible fields, one button). Labels come worded from the server component that renders it.
 */
export function InlineActionForm({
  action,
  locale,
  hidden,
  fields = [],
  submit,
  tone = "primary",
  testId,
}: {
  action: ServerAction;
  locale: string;
  hidden: Record<string, string | number>;
  fields?: InlineField[];
  submit: string;
  tone?: "primary" | "secondary" | "danger";
  testId?: string;
}) {
  const [state, run, pending] = useActionState(action.bind(null, locale), idleState);
  const button =
    tone === "primary"
      ? "bg-brand-600 text-white hover:bg-brand-700"
      : tone === "danger"
        ? "border border-red-300 text-red-700 hover:bg-red-50"
        : "border border-slate-300 text-slate-700 hover:bg-slate-50";
  const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <form action={run} className="flex flex-wrap items-end gap-2" data-testid={testId}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {fields.map((f) => {
        const id = `${testId ?? "f"}-${f.name}`;
        const errors = state.fields?.[f.name];
        const value = state.values?.[f.name] ?? f.defaultValue;
        return (
          <label
            key={f.name}
            htmlFor={id}
            className={f.type === "textarea" ? "block w-full text-xs text-slate-600" : "block min-w-[8rem] flex-1 text-xs text-slate-600"}
          >
            {f.label}
            {f.type === "textarea" ? (
              <textarea id={id} name={f.name} defaultValue={value} required={f.required} rows={2} className={input} aria-invalid={errors ? true : undefined} />
            ) : f.type === "select" ? (
              <select id={id} name={f.name} defaultValue={value} className={input}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.type === "file" ? (
              <input
                id={id}
                name={f.name}
                type="file"
                accept={f.accept}
                multiple={f.multiple}
                required={f.required}
                className={`${input} bg-white file:mr-2 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1`}
                aria-invalid={errors ? true : undefined}
              />
            ) : (
              <input
                id={id}
                name={f.name}
                type={f.type ?? "text"}
                step={f.step}
                defaultValue={value}
                required={f.required}
                className={input}
                aria-invalid={errors ? true : undefined}
              />
            )}
            {errors ? (
              <span className="mt-0.5 block text-red-600" role="alert">
                {errors.join("; ")}
              </span>
            ) : null}
          </label>
        );
      })}
      <button type="submit" disabled={pending} className={`rounded px-3 py-1.5 text-sm disabled:opacity-60 ${button}`}>
        {submit}
      </button>
      {state.status !== "idle" && (
        <div className="w-full">
          <FormMessage status={state.status} message={state.message} />
        </div>
      )}
    </form>
  );
}
