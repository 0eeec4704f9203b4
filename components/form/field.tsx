type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  /** A worked example shown between the label and the input (the wizard's questions). */
  example?: string;
  exampleLabel?: string;
  errors?: string[];
  defaultValue?: string;
  /** Controlled use (client components): the value and what to do when it changes. */
  value?: string;
  onChange?: (value: string) => void;
  type?: string;
  multiline?: boolean;
  /** A select with these options instead of a text input. */
  options?: { value: string; label: string }[];
  required?: boolean;
  rows?: number;
  autoComplete?: string;
  min?: number;
  max?: number;
};

const control = "mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";

// A labelled input whose example, hint and errors are announced and linked to it (aria-describedby).
export function Field({
  name,
  label,
  hint,
  example,
  exampleLabel,
  errors,
  defaultValue,
  value,
  onChange,
  type = "text",
  multiline,
  options,
  required,
  rows = 6,
  autoComplete,
  min,
  max,
}: FieldProps) {
  const describedBy =
    [example ? `${name}-example` : null, hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: name,
    name,
    required,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy,
    className: control,
    ...(value !== undefined ? { value, onChange: (e: { target: { value: string } }) => onChange?.(e.target.value) } : { defaultValue }),
  };
  return (
    <div className="mb-4">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {example && (
        <p id={`${name}-example`} className="mt-1 rounded bg-slate-50 px-3 py-2 text-sm text-slate-600">
          {exampleLabel && <span className="font-medium">{exampleLabel}：</span>}
          {example}
        </p>
      )}
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea rows={rows} {...common} />
      ) : (
        <input type={type} autoComplete={autoComplete} min={min} max={max} {...common} />
      )}
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-600" role="alert">
          {errors.join("; ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ status, message }: { status: string; message?: string }) {
  if (!message) return null;
  return (
    <p
      role={status === "error" ? "alert" : "status"}
      className={status === "error" ? "mb-4 rounded bg-red-50 p-3 text-red-700" : "mb-4 rounded bg-green-50 p-3 text-green-700"}
    >
      {message}
    </p>
  );
}
