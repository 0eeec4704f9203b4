import type { ErrorCode, FieldErrors } from "@/lib/errors";

// What every server action returns (lib/actions/action-client.ts) to its form (useActionState)
// or button. Values are echoed back so that nothing the user typed is lost on a validation
// error; `data` is what the action hands back (a new id, a token, an import report).
export type FormState<D = Record<string, string>> = {
  status: "idle" | "error" | "success";
  message?: string;
  fields?: FieldErrors;
  values?: Record<string, string>;
  data?: D;
  /** A known error's code and message key, for code that branches on them (never shown). */
  error?: { code: ErrorCode; key?: string };
};

export const idleState: FormState<never> = { status: "idle" };
