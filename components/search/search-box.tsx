"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { useSearchParams } from "next/navigation";
import { usePathname, useRouter } from "@/i18n/navigation";

// The URL holds the query (shareable, back-button friendly); typing updates it after a short
// pause and the server component re-renders the hits.
export function SearchBox({ placeholder, labels }: { placeholder: string; labels: { needs: string; results: string; searching: string } }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");
  const type = params.get("type") === "needs" ? "needs" : "results";
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function navigate(next: { q?: string; type?: string }) {
    const sp = new URLSearchParams(params.toString());
    const nq = next.q ?? q;
    if (nq) sp.set("q", nq);
    else sp.delete("q");
    sp.set("type", next.type ?? type);
    sp.delete("page");
    startTransition(() => router.replace(`${pathname}?${sp.toString()}`, { scroll: false }));
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <div className="mb-6 space-y-3">
      <input
        type="search"
        aria-label={placeholder}
        placeholder={placeholder}
        value={q}
        onChange={(e) => {
          const value = e.target.value;
          setQ(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => navigate({ q: value }), 250);
        }}
        className="w-full rounded border border-slate-300 px-4 py-3 text-lg focus:border-brand-600 focus:outline-none"
      />
      <div role="tablist" className="flex gap-2 text-sm">
        {(["results", "needs"] as const).map((value) => (
          <button
            key={value}
            role="tab"
            aria-selected={type === value}
            onClick={() => navigate({ type: value })}
            className={type === value ? "rounded bg-brand-600 px-3 py-1 text-white" : "rounded border px-3 py-1"}
          >
            {labels[value]}
          </button>
        ))}
        {pending && (
          <span aria-live="polite" className="text-slate-500">
            {labels.searching}
          </span>
        )}
      </div>
    </div>
  );
}
