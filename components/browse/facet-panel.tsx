import { Link } from "@/i18n/navigation";
import { browseHref, type BrowseQuery, type Facets } from "@/lib/browse/browse-query";

type Labels = { title: Record<string, string>; value: (facet: string, value: string) => string; clear: string };

// Facet links (server-rendered, no script): each is a shareable URL with that value toggled.
export function FacetPanel({ path, query, facets, labels }: { path: string; query: BrowseQuery; facets: Facets; labels: Labels }) {
  const order = ["chain", "node", "field", "trl", "mode", "region", "status"] as const;
  return (
    <nav aria-label="facets" className="space-y-5 text-sm">
      {order.map((key) => {
        const list = facets[key];
        if (!list || list.length === 0) return null;
        const active = query[key] !== undefined ? String(query[key]) : undefined;
        return (
          <section key={key} data-testid={`facet-${key}`}>
            <h2 className="mb-1 font-semibold">{labels.title[key]}</h2>
            <ul className="space-y-0.5">
              {list.slice(0, 12).map((f) => {
                const on = active === f.value;
                return (
                  <li key={f.value}>
                    <Link
                      href={{ pathname: path, query: browseHref(query, { [key]: on ? undefined : f.value }) }}
                      aria-current={on ? "true" : undefined}
                      className={`flex justify-between rounded px-2 py-0.5 hover:bg-brand-50 ${on ? "bg-brand-600 text-white hover:bg-brand-700" : ""}`}
                    >
                      <span>{labels.value(key, f.value)}</span>
                      <span>{f.count}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <Link href={{ pathname: path }} className="inline-block text-brand-700 underline">
        {labels.clear}
      </Link>
    </nav>
  );
}

export function SortLinks({
  path,
  query,
  options,
  label,
}: {
  path: string;
  query: BrowseQuery;
  options: { value: BrowseQuery["sort"]; label: string }[];
  label: string;
}) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="sort">
      <span>{label}:</span>
      {options.map((o) => (
        <Link
          key={o.value}
          href={{ pathname: path, query: browseHref(query, { sort: o.value }) }}
          aria-current={query.sort === o.value ? "true" : undefined}
          className={`rounded px-2 py-0.5 ${query.sort === o.value ? "bg-slate-800 text-white" : "hover:bg-slate-100"}`}
        >
          {o.label}
        </Link>
      ))}
    </p>
  );
}
