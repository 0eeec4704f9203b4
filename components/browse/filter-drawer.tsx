// Browse pages: filters beside the results on wide screens; on phones the results come first and
// the filters sit behind a "Filters" button (a <details> drawer, no script). On md+ the drawer's
// content is always shown (::details-content) and its button hidden.
export function FilterDrawer({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <details
      className="rounded-lg border border-slate-200 bg-white p-3 md:border-0 md:bg-transparent md:p-0 md:[&::details-content]:block md:[&::details-content]:[content-visibility:visible]"
      data-testid="filter-drawer"
    >
      <summary className="cursor-pointer text-sm font-medium text-brand-700 md:hidden">{label}</summary>
      <div className="mt-3 md:mt-0">{children}</div>
    </details>
  );
}
