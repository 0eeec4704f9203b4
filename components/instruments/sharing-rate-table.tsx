import { getTranslations } from "next-intl/server";
import type { SharingRateGroup } from "@/lib/instruments/metrics";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** External sharing rate of instruments per group (kind of institution, region): the sharing page and /metrics. */
export async function SharingRateTable({
  locale,
  title,
  rows,
  groupBy,
  testId,
}: {
  locale: string;
  title: string;
  rows: readonly SharingRateGroup[];
  groupBy: "institutionKind" | "region";
  testId: string;
}) {
  const t = await getTranslations({ locale, namespace: "instruments" });
  const label = (k: string) => (groupBy === "institutionKind" ? t(`orgKind.${k}`) : k === "unknown" ? t("metrics.unknownRegion") : k);
  return (
    <div className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid={testId}>
          {t("metrics.empty")}
        </p>
      ) : (
        <table className="w-full min-w-[32rem] text-sm" data-testid={testId}>
          <thead>
            <tr className="text-left text-slate-500">
              <th className="py-1">{t("metrics.group")}</th>
              <th className="text-right">{t("metrics.instruments")}</th>
              <th className="text-right">{t("metrics.hoursAvailable")}</th>
              <th className="text-right">{t("metrics.hoursUsedInternal")}</th>
              <th className="text-right">{t("metrics.hoursUsedExternal")}</th>
              <th className="text-right">{t("metrics.externalSharingRate")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.key} className="border-t border-slate-100">
                <td className="py-1">{label(g.key)}</td>
                <td className="text-right">{g.instruments}</td>
                <td className="text-right">{g.hoursAvailable}</td>
                <td className="text-right">{g.hoursUsedInternal}</td>
                <td className="text-right">{g.hoursUsedExternal}</td>
                <td className="text-right font-semibold">{pct(g.externalSharingRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
