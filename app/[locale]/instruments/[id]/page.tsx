import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { chinaTime, getInstrumentCalendar } from "@/lib/instruments/bookings";
import { categoryName } from "@/lib/instruments/categories";
import { getInstrument } from "@/lib/instruments/instruments";
import { needsForInstrument } from "@/lib/instruments/match";
import { getInstrumentMetrics, defaultPeriod } from "@/lib/instruments/metrics";
import { can } from "@/lib/policy";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";
import { InlineActionForm } from "@/components/instruments/action-form";
import { InstrumentPhotos } from "@/components/instruments/instrument-photos";
import { addClosureAction, requestBookingAction } from "../actions";

const DAY = 86_400_000;

export default async function InstrumentPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await getCurrentActor();
  const instrument = await getInstrument(actor, id).catch((e) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "UNAUTHENTICATED")) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "instruments" });
  const now = new Date();
  const from = new Date(Math.floor((now.getTime() + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000);
  const to = new Date(from.getTime() + 14 * DAY);
  const facts = { organisationId: instrument.organisation.id, managerId: "", status: instrument.status };
  const [calendar, needs, metrics] = await Promise.all([
    getInstrumentCalendar(actor, id, from, to),
    actor ? needsForInstrument(actor, id).catch(() => []) : Promise.resolve([]),
    can(actor, "instrument.metrics", facts) ? getInstrumentMetrics(actor, id, defaultPeriod(now)) : Promise.resolve(null),
  ]);
  const mayBook = can(actor, "instrument.book", { ...facts, managerId: "" });
  const days = Array.from({ length: 14 }, (_, i) => new Date(from.getTime() + i * DAY));
  const dayKey = (d: Date) => chinaTime(d).slice(0, 10);
  const weekday = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCDay() || 7;
  const name = locale === "en" && instrument.nameEn ? instrument.nameEn : instrument.name;
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <div className="grid grid-cols-[8rem_1fr] gap-2 py-1 text-sm">
        <dt className="text-slate-500">{label}</dt>
        <dd className="whitespace-pre-line">{value}</dd>
      </div>
    ) : null;
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="" />
      <div className="mb-4 rounded-lg bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h1 className="text-2xl font-semibold" data-testid="instrument-name">
              {name}
            </h1>
            <p className="text-sm text-slate-600">
              {[categoryName(instrument.categoryCode, locale), instrument.organisation.name, instrument.status === "RETIRED" ? t("retired") : null]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </div>
          {instrument.manages && (
            <Link href={`/instruments/${id}/edit`} className="rounded border border-slate-300 px-3 py-1.5 text-sm">
              {t("detail.edit")}
            </Link>
          )}
        </div>
        <dl className="mt-4 divide-y divide-slate-100">
          {row(t("form.maker"), [instrument.maker, instrument.model].filter(Boolean).join(" "))}
          {row(t("form.specs"), instrument.specs)}
          {row(t("form.capabilities"), instrument.capabilities)}
          {row(
            t("detail.location"),
            [instrument.location.region, instrument.location.campus, instrument.location.building, instrument.location.room].filter(Boolean).join(" "),
          )}
          {row(t("form.services"), instrument.services.map((s) => t(`service.${s}`)).join(locale === "en" ? ", " : "、"))}
          {row(t("form.sampleRequirements"), instrument.sampleRequirements)}
          {row(
            t("detail.hours"),
            t("detail.hoursText", {
              days: instrument.openingHours.openDays.map((d) => t(`weekday.${d}`)).join(locale === "en" ? ", " : "、"),
              opens: instrument.openingHours.opensAt,
              closes: instrument.openingHours.closesAt,
            }),
          )}
          {row(t("detail.cancelRule"), t("detail.cancelRuleText", { hours: instrument.freeCancelHours }))}
          {instrument.contact &&
            row(t("detail.contact"), [instrument.contact.operatorName, instrument.contact.phone, instrument.contact.email].filter(Boolean).join(" · "))}
        </dl>
        <table className="mt-4 w-full max-w-md text-sm">
          <caption className="mb-1 text-left font-medium">{t("detail.prices", { unit: t(`unit.${instrument.prices.unit}`) })}</caption>
          <tbody>
            {(["internal", "partner", "external"] as const).map((k) => (
              <tr key={k} className="border-t border-slate-100">
                <th scope="row" className="py-1 text-left font-normal text-slate-600">
                  {t(`tier.${k.toUpperCase()}`)}
                </th>
                <td className="py-1 text-right">{t("yuan", { n: instrument.prices[k] })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <InstrumentPhotos instrument={instrument} locale={locale} name={name} />

      <div className="mb-4 rounded-lg bg-white p-6 shadow-sm">
        <h2 className="mb-2 text-lg font-semibold">{t("detail.calendar")}</h2>
        <p className="mb-3 text-xs text-slate-500">{t("detail.calendarHint")}</p>
        <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-7" data-testid="calendar">
          {days.map((d) => {
            const key = dayKey(d);
            const open = instrument.openingHours.openDays.includes(weekday(d));
            const booked = calendar.booked.filter((b) => chinaTime(new Date(b.startsAt)).startsWith(key));
            const closed = calendar.closures.filter((c) => new Date(c.startsAt) < new Date(d.getTime() + DAY) && new Date(c.endsAt) > d);
            return (
              <li key={key} className={`rounded border p-2 text-xs ${open ? "border-slate-200" : "border-slate-100 bg-slate-50 text-slate-400"}`}>
                <div className="font-medium">
                  {key.slice(5)} {t(`weekday.${weekday(d)}`)}
                </div>
                {!open && <div>{t("detail.closedDay")}</div>}
                {closed.map((c, i) => (
                  <div key={i} className="mt-1 rounded bg-amber-100 px-1 text-amber-900">
                    {t("detail.maintenance")}
                  </div>
                ))}
                {booked.map((b, i) => (
                  <div key={i} className="mt-1 rounded bg-brand-50 px-1 text-brand-700" data-testid="booked-slot">
                    {chinaTime(new Date(b.startsAt)).slice(11)}–{chinaTime(new Date(b.endsAt)).slice(11)}
                  </div>
                ))}
              </li>
            );
          })}
        </ol>
      </div>

      {mayBook && (
        <div className="mb-4 rounded-lg bg-white p-6 shadow-sm">
          <h2 className="mb-3 text-lg font-semibold">{t("book.title")}</h2>
          <InlineActionForm
            action={requestBookingAction}
            locale={locale}
            hidden={{ instrumentId: id }}
            testId="book"
            submit={t("book.submit")}
            fields={[
              { name: "startsAt", label: t("book.startsAt"), type: "datetime-local", required: true },
              { name: "endsAt", label: t("book.endsAt"), type: "datetime-local", required: true },
              { name: "service", label: t("form.services"), type: "select", options: instrument.services.map((s) => ({ value: s, label: t(`service.${s}`) })) },
              { name: "sampleCount", label: t("book.sampleCount"), type: "number" },
              { name: "purpose", label: t("book.purpose"), type: "textarea", required: true },
              { name: "sample", label: t("book.sample"), type: "textarea" },
              { name: "hazards", label: t("book.hazards"), type: "textarea" },
            ]}
          />
        </div>
      )}
      {!actor && <p className="mb-4 rounded bg-slate-100 p-3 text-sm">{t("book.signIn")}</p>}

      {instrument.manages && (
        <div className="mb-4 rounded-lg bg-white p-6 shadow-sm">
          <h2 className="mb-3 text-lg font-semibold">{t("detail.addClosure")}</h2>
          <InlineActionForm
            action={addClosureAction}
            locale={locale}
            hidden={{ instrumentId: id }}
            testId="closure"
            submit={t("detail.addClosureSubmit")}
            tone="secondary"
            fields={[
              { name: "startsAt", label: t("book.startsAt"), type: "datetime-local", required: true },
              { name: "endsAt", label: t("book.endsAt"), type: "datetime-local", required: true },
              { name: "reason", label: t("detail.closureReason") },
            ]}
          />
        </div>
      )}

      {metrics && (
        <div className="mb-4 rounded-lg bg-white p-6 shadow-sm" data-testid="instrument-metrics">
          <h2 className="mb-3 text-lg font-semibold">{t("metrics.instrumentTitle")}</h2>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            {(
              [
                ["hoursAvailable", metrics.hoursAvailable],
                ["hoursUsedInternal", metrics.hoursUsedInternal],
                ["hoursUsedExternal", metrics.hoursUsedExternal],
                ["externalSharingRate", metrics.externalSharingRate === null ? "—" : `${(metrics.externalSharingRate * 100).toFixed(1)}%`],
                ["externalOrganisationsServed", metrics.externalOrganisationsServed],
                ["medianHoursToApproval", metrics.medianHoursToApproval ?? "—"],
                ["averageRating", metrics.averageRating ?? "—"],
                ["bookings", metrics.bookings],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="rounded bg-slate-50 p-2">
                <dt className="text-xs text-slate-500">{t(`metrics.${k}`)}</dt>
                <dd className="text-lg font-semibold">{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}

      {actor && (
        <div className="mb-4 rounded-lg bg-white p-6 shadow-sm">
          <h2 className="mb-2 text-lg font-semibold">{t("detail.needs")}</h2>
          {needs.length === 0 ? (
            <p className="text-sm text-slate-600">{t("detail.noNeeds")}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {needs.map((n) => (
                <li key={n.id}>
                  <Link href={`/needs/${n.id}`} className="text-brand-700 hover:underline">
                    {n.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
