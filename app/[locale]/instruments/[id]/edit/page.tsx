import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { getInstrument } from "@/lib/instruments/instruments";
import { ClientMessages } from "@/components/i18n/client-messages";
import { InstrumentForm } from "@/components/instruments/instrument-form";
import { InstrumentsNav } from "@/components/instruments/instruments-nav";
import { updateInstrumentAction } from "../../actions";

export default async function EditInstrumentPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/instruments/${id}/edit`);
  const i = await getInstrument(actor, id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  if (!i.manages) notFound();
  const t = await getTranslations({ locale, namespace: "instruments" });
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  const initial = {
    name: i.name,
    nameEn: s(i.nameEn),
    categoryCode: i.categoryCode,
    externalId: s(i.externalId),
    maker: s(i.maker),
    model: s(i.model),
    specs: s(i.specs),
    capabilities: s(i.capabilities),
    region: s(i.location.region),
    campus: s(i.location.campus),
    building: s(i.location.building),
    room: s(i.location.room),
    services: i.services.join(","),
    sampleRequirements: s(i.sampleRequirements),
    priceUnit: i.prices.unit,
    priceInternal: s(i.prices.internal),
    pricePartner: s(i.prices.partner),
    priceExternal: s(i.prices.external),
    operatorName: s(i.contact?.operatorName),
    contactPhone: s(i.contact?.phone),
    contactEmail: s(i.contact?.email),
    openDays: i.openingHours.openDays.join(","),
    opensAt: i.openingHours.opensAt,
    closesAt: i.openingHours.closesAt,
    freeCancelHours: s(i.freeCancelHours),
  };
  return (
    <section>
      <InstrumentsNav locale={locale} actor={actor} current="" />
      <h1 className="mb-4 text-2xl font-semibold">{t("form.editTitle", { name: i.name })}</h1>
      <ClientMessages namespaces={["instruments"]}>
        <InstrumentForm action={updateInstrumentAction} initial={initial} hidden={{ instrumentId: id, version: String(i.version) }} />
      </ClientMessages>
    </section>
  );
}
