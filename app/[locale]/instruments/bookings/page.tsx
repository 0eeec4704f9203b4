import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listMyBookings } from "@/lib/instruments/bookings";
import { BookingCard } from "@/components/instruments/booking-card";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";

export default async function MyBookingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/instruments/bookings");
  const bookings = await listMyBookings(actor);
  const t = await getTranslations({ locale, namespace: "instruments" });
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="/instruments/bookings" />
      <h1 className="mb-4 text-2xl font-semibold">{t("bookings.title")}</h1>
      {bookings.length === 0 ? (
        <p>{t("bookings.empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="my-bookings">
          {bookings.map((b) => (
            <BookingCard key={b.id} booking={b} locale={locale} view="booker" />
          ))}
        </ul>
      )}
    </section>
  );
}
