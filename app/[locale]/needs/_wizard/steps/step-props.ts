import type { NeedDraftState } from "../use-need-draft";

/** What every step gets: the draft (values, setters) and the field errors of one field. */
export type StepProps = { draft: NeedDraftState; errorsOf: (name: string) => string[] | undefined };

/** The controlled Field props of one text value. */
export function bind(draft: NeedDraftState, errorsOf: StepProps["errorsOf"], name: string) {
  return { name, value: draft.draft.values[name] ?? "", onChange: (v: string) => draft.setValue(name, v), errors: errorsOf(name) };
}
