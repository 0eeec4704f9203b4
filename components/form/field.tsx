type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  type?: string;
  multiline?: boolean;
  required?: boolean;
  rows?: number;
  autoComplete?: string;
  min?: number;
  max?: number;
};

// A labelled input whose errors are announced and linked to it (aria-describedby).
export function Field({ name, label, hint, errors, defaultValue, type = "text", multiline, required, rows = 6, autoComplete, min, max }: FieldProps) {
  const describedBy = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: name,
    name,
    defaultValue,
    required,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy,
    className: "mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500",
  };
  return (
    <div className="mb-4">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} autoComplete={autoComplete} min={min} max={max} {...common} />}
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
