import { getTranslations } from "next-intl/server";
import { ORG_KINDS } from "@/lib/validation/enums";
import type { MonitorFilters } from "@/lib/monitor/schemas";
import { FilterBar, FilterSelect } from "@/components/form/filter-bar";

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
  return (
    <FilterBar
      action={action}
      label={t("filters")}
      submit={t("apply")}
      testId="monitor-filters"
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6"
    >
      {showChain && (
        <FilterSelect
          name="chain"
          label={t("chain")}
          value={filters.chain}
          anyLabel={t("all")}
          options={chains.map((c) => ({ value: c.id, label: name(c) }))}
        />
      )}
      {/* A node opens its portrait (the map page redirects ?node=x there). */}
      <FilterSelect
        name="node"
        label={t("node")}
        value={filters.node}
        anyLabel={t("all")}
        testId="filter-node"
        groups={chains
          .filter((c) => !filters.chain || c.id === filters.chain)
          .map((c) => ({ label: name(c), options: c.nodes.map((n) => ({ value: n.id, label: name(n) })) }))}
      />
      <FilterSelect name="region" label={t("region")} value={filters.region} anyLabel={t("all")} options={regions.map((r) => ({ value: r, label: r }))} />
      <FilterSelect
        name="orgKind"
        label={t("orgKind")}
        value={filters.orgKind}
        anyLabel={t("all")}
        options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
      />
      <FilterSelect
        name="period"
        label={t("period")}
        value={filters.period}
        options={["6", "12", "24", "36"].map((n) => ({ value: n, label: t("months", { n }) }))}
      />
    </FilterBar>
  );
}
