import "server-only";
import { getTranslations } from "next-intl/server";
import { listTaxonomy } from "@/lib/taxonomy/list-taxonomy";

// Facet titles and value labels in the page's language; chain and node names come from the taxonomy data.
export async function facetLabels(locale: string) {
  const t = await getTranslations({ locale, namespace: "browse" });
  const tw = await getTranslations({ locale, namespace: "wizard" });
  const taxonomy = await listTaxonomy();
  const names = new Map<string, string>();
  for (const c of taxonomy) {
    names.set(`chain:${c.id}`, locale === "en" ? c.nameEn : c.nameZh);
    for (const n of c.nodes) names.set(`node:${n.id}`, locale === "en" ? n.nameEn : n.nameZh);
  }
  return {
    title: { chain: t("chain"), node: t("node"), field: t("field"), trl: t("trl"), mode: t("mode"), region: t("region"), status: t("status") },
    value: (facet: string, value: string) => {
      if (facet === "chain" || facet === "node") return names.get(`${facet}:${value}`) ?? value;
      if (facet === "trl") return `TRL ${value}`;
      if (facet === "mode") return tw(`modes.${value}` as "modes.LICENCE");
      if (facet === "status") return t(`statuses.${value}` as "statuses.DRAFT");
      return value;
    },
    clear: t("clear"),
  };
}
