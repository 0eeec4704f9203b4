import type { ReactNode } from "react";

// The filter bar of list pages (instrument search, chain monitor): a plain GET form, so the
// filters live in the URL and a view can be bookmarked and shared. Server-rendered, no script.

const control = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
const labelClass = "block text-xs text-slate-600";

export type FilterOption = { value: string; label: string };
/** Options under a heading (an <optgroup>), e.g. the nodes of each chain. */
export type FilterOptionGroup = { label: string; options: readonly FilterOption[] };

/** The form: its fields, then the submit button in the last cell of the grid. */
export function FilterBar({
  action,
  label,
  submit,
  children,
  className = "grid grid-cols-2 gap-3 sm:grid-cols-5",
  testId,
  role,
}: {
  action?: string;
  label: string;
  submit: string;
  children: ReactNode;
  /** The grid of the fields (columns per breakpoint, a card around it). */
  className?: string;
  testId?: string;
  role?: "search";
}) {
  return (
    <form method="get" action={action} className={className} aria-label={label} data-testid={testId} role={role}>
      {children}
      <div className="flex items-end">
        <button type="submit" className="w-full rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {submit}
        </button>
      </div>
    </form>
  );
}

/** A select with an "any" first option (value "") unless `anyLabel` is omitted. */
export function FilterSelect({
  name,
  label,
  value,
  options = [],
  groups = [],
  anyLabel,
  className,
  testId,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options?: readonly FilterOption[];
  groups?: readonly FilterOptionGroup[];
  anyLabel?: string;
  className?: string;
  testId?: string;
}) {
  return (
    <label className={className ? `${labelClass} ${className}` : labelClass}>
      {label}
      <select name={name} defaultValue={value ?? ""} className={control} data-testid={testId}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** A text, search, number or datetime-local input. */
export function FilterInput({
  name,
  label,
  value,
  type = "text",
  placeholder,
  min,
  className,
  testId,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  type?: "text" | "search" | "number" | "datetime-local";
  placeholder?: string;
  min?: number;
  className?: string;
  testId?: string;
}) {
  return (
    <label className={className ? `${labelClass} ${className}` : labelClass}>
      {label}
      <input name={name} type={type} defaultValue={value ?? ""} placeholder={placeholder} min={min} className={control} data-testid={testId} />
    </label>
  );
}
