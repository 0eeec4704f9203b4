import { getTranslations } from "next-intl/server";
import { ORG_KINDS } from "@/lib/validation/enums";
import type { MonitorFilters } from "@/lib/monitor/schemas";

/** The query string of a set of filters (links keep the filters from page to page). */
export function filterQuery(f: Partial<MonitorFilters>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

// A plain GET form: the filters live in the URL, so a view can be bookmarked and shared.
export async function MonitorFilterForm({
  locale,
  action,
  filters,
  chains,
  regions,
  showChain = true,
}: {
  locale: string;
  action: string;
  filters: MonitorFilters;
  chains: { id: string; nameZh: string; nameEn: string; nodes: { id: string; nameZh: string; nameEn: string }[] }[];
  regions: string[];
  showChain?: boolean;
}) {
  const name = (x: { nameZh: string; nameEn: string }) => (locale === "en" ? x.nameEn : x.nameZh);
  const t = await getTranslations({ locale, namespace: "monitor" });
  const select = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form method="get" action={action} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("filters")} data-testid="monitor-filters">
      {showChain && (
        <label className="text-xs text-slate-600">
          {t("chain")}
          <select name="chain" defaultValue={filters.chain ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {chains.map((c) => (
              <option key={c.id} value={c.id}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
      )}
      {/* A node opens its portrait (the map page redirects ?node=x there). */}
      <label className="text-xs text-slate-600">
        {t("node")}
        <select name="node" defaultValue={filters.node ?? ""} className={select} data-testid="filter-node">
          <option value="">{t("all")}</option>
          {chains
            .filter((c) => !filters.chain || c.id === filters.chain)
            .map((c) => (
              <optgroup key={c.id} label={name(c)}>
                {c.nodes.map((n) => (
                  <option key={n.id} value={n.id}>
                    {name(n)}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {t("region")}
        <select name="region" defaultValue={filters.region ?? ""} className={select}>
          <option value="">{t("all")}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {t("orgKind")}
        <select name="orgKind" defaultValue={filters.orgKind ?? ""} className={select}>
          <option value="">{t("all")}</option>
          {ORG_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`orgKinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {t("period")}
        <select name="period" defaultValue={filters.period} className={select}>
          {["6", "12", "24", "36"].map((n) => (
            <option key={n} value={n}>
              {t("months", { n })}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end">
        <button type="submit" className="w-full rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
