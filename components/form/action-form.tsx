"use client";
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { FormAction } from "./state-form";
import { idleState, type FormState } from "@/lib/forms/form-state";
import { FormMessage } from "./field";

// A small form around one server action (useActionState): the fields come as children, errors
// (form-level and per field) are announced above the submit button.
//
// React resets a form whose `action` prop ran, error or not, so a server-side error would wipe what
// the user typed. With JavaScript the submit is dispatched from onSubmit instead (no automatic
// reset) and the form is cleared only after a success; without JavaScript the `action` prop still
// posts the form (progressive enhancement).
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  children,
  testId,
  danger,
  hidden = {},
}: {
  action: FormAction;
  /** Ids the action is about (sent as hidden inputs, parsed by its schema). */
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  children?: ReactNode;
  testId?: string;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState<unknown>, FormData>(action, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);
  const submitKeepingInput = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const fieldErrors = Object.entries(state.fields ?? {});
  return (
    <form ref={formRef} action={formAction} onSubmit={submitKeepingInput} noValidate data-testid={testId} className="space-y-3">
      <FormMessage status={state.status} message={state.message} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {fieldErrors.length > 0 && (
        <ul role="alert" className="text-sm text-red-600">
          {fieldErrors.map(([field, messages]) => (
            <li key={field}>{messages.join("; ")}</li>
          ))}
        </ul>
      )}
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-4 py-2 font-medium text-white disabled:opacity-60 ${danger ? "bg-red-600 hover:bg-red-700" : "bg-brand-600 hover:bg-brand-700"}`}
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
