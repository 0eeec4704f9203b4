"use client";
import { useActionState, type ReactNode } from "react";
import { idleState, type FormState } from "@/lib/forms/form-state";
import { FormMessage } from "./field";

// A form bound to a server action through useActionState, showing its success or error message
// (e.g. a 409 conflict) above the fields. `children` receives the last state to show field errors.
// `action` is a server action of lib/actions/action-client.ts with its locale bound.
export type FormAction = (prev: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>;

export function StateForm({
  action,
  children,
  className,
  label,
}: {
  action: FormAction;
  children: ReactNode | ((state: FormState<unknown>, pending: boolean) => ReactNode);
  className?: string;
  label?: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<unknown>, FormData>(action, idleState);
  return (
    <form action={formAction} className={className} aria-label={label} aria-busy={pending}>
      <FormMessage status={state.status} message={state.message} />
      {typeof children === "function" ? children(state, pending) : children}
    </form>
  );
}
