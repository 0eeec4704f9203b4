"use client";
import { useTranslations } from "next-intl";
import { FilterBar, FilterSelect } from "@/components/form/filter-bar";
import type { MonitorFilters } from "@/lib/monitor/schemas";
import { ORG_KINDS } from "@/lib/validation/enums";

/** A chain and its nodes as the filter lists them: names in the page's language only. */
export type FilterChain = { id: string; name: string; nodes: { id: string; name: string }[] };

// The monitor's filters: a plain GET form, so the filters live in the URL and a view can be
// bookmarked and shared. A client component only so that the page's payload carries the choices
// as compact JSON (the node select lists every node of every chain) instead of the rendered tree
// of each <option>; it has no state and works without script.
export function MonitorFilterForm({
  action,
  filters,
  chains,
  regions,
  showChain = true,
}: {
  action: string;
  filters: MonitorFilters;
  chains: FilterChain[];
  regions: string[];
  showChain?: boolean;
}) {
  const t = useTranslations("monitor");
  return (
    <FilterBar
      action={action}
      label={t("filters")}
      submit={t("apply")}
      testId="monitor-filters"
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6"
    >
      {showChain && (
        <FilterSelect name="chain" label={t("chain")} value={filters.chain} anyLabel={t("all")} options={chains.map((c) => ({ value: c.id, label: c.name }))} />
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
          .map((c) => ({ label: c.name, options: c.nodes.map((n) => ({ value: n.id, label: n.name })) }))}
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
