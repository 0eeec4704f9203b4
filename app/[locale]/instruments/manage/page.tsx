import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listManagedBookings } from "@/lib/instruments/bookings";
import { categoryName } from "@/lib/instruments/categories";
import { listManagedInstruments } from "@/lib/instruments/instruments";
import { can } from "@/lib/policy";
import { BookingCard } from "@/components/instruments/booking-card";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";
import { InlineActionForm } from "@/components/instruments/action-form";
import { setInstrumentStatusAction } from "../actions";

export default async function ManageInstrumentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/instruments/manage");
  if (!can(actor, "instrument.create")) notFound();
  const [instruments, bookings] = await Promise.all([listManagedInstruments(actor), listManagedBookings(actor)]);
  const t = await getTranslations({ locale, namespace: "instruments" });
  const open = bookings.filter((b) => b.status === "REQUESTED" || b.status === "PROPOSED" || b.status === "APPROVED");
  const done = bookings.filter((b) => !open.includes(b)).slice(0, 30);
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="/instruments/manage" />
      <h1 className="mb-4 text-2xl font-semibold">{t("manage.title")}</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div>
          <h2 className="mb-2 text-lg font-semibold">{t("manage.open", { n: open.length })}</h2>
          {open.length === 0 ? (
            <p className="mb-4 text-sm text-slate-600">{t("manage.noOpen")}</p>
          ) : (
            <ul className="mb-6 space-y-3" data-testid="open-bookings">
              {open.map((b) => (
                <BookingCard key={b.id} booking={b} locale={locale} view="manager" />
              ))}
            </ul>
          )}
          <h2 className="mb-2 text-lg font-semibold">{t("manage.history")}</h2>
          <ul className="space-y-3">
            {done.map((b) => (
              <BookingCard key={b.id} booking={b} locale={locale} view="manager" />
            ))}
          </ul>
        </div>
        <aside>
          <h2 className="mb-2 text-lg font-semibold">{t("manage.instruments", { n: instruments.length })}</h2>
          <ul className="space-y-2" data-testid="managed-instruments">
            {instruments.map((i) => (
              <li key={i.id} className="rounded bg-white p-3 text-sm shadow-sm">
                <Link href={`/instruments/${i.id}`} className="font-medium text-brand-700 hover:underline">
                  {i.name}
                </Link>
                <div className="text-xs text-slate-500">
                  {categoryName(i.categoryCode, locale)}
                  {i.status === "RETIRED" ? ` · ${t("retired")}` : ""}
                </div>
                <div className="mt-1">
                  <InlineActionForm
                    action={setInstrumentStatusAction}
                    locale={locale}
                    hidden={{ instrumentId: i.id, status: i.status === "ACTIVE" ? "RETIRED" : "ACTIVE" }}
                    tone="secondary"
                    submit={i.status === "ACTIVE" ? t("manage.retire") : t("manage.reactivate")}
                  />
                </div>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </section>
  );
}
