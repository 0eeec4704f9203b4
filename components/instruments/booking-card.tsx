import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { chinaTime, type BookingView } from "@/lib/instruments/bookings";
import { InlineActionForm } from "./action-form";
import {
  acceptProposalAction,
  approveBookingAction,
  attachReportAction,
  cancelBookingAction,
  declineBookingAction,
  markNoShowAction,
  proposeSlotAction,
  rateBookingAction,
  recordUseAction,
} from "@/app/[locale]/instruments/actions";

const STATUS_TONE: Record<string, string> = {
  REQUESTED: "bg-amber-100 text-amber-800",
  PROPOSED: "bg-violet-100 text-violet-800",
  APPROVED: "bg-green-100 text-green-800",
  COMPLETED: "bg-sky-100 text-sky-800",
  RATED: "bg-sky-100 text-sky-800",
  DECLINED: "bg-slate-200 text-slate-700",
  CANCELLED: "bg-slate-200 text-slate-700",
  NO_SHOW: "bg-red-100 text-red-800",
};

const REPORT_ACCEPT = "application/pdf,image/png,image/jpeg,image/webp,image/gif";

/** One booking with the buttons its viewer may use now (the moves of the transition table). */
export async function BookingCard({ booking: b, locale, view }: { booking: BookingView; locale: string; view: "manager" | "booker" }) {
  const t = await getTranslations({ locale, namespace: "instruments" });
  const ref = { bookingId: b.id, version: b.version };
  const colon = locale === "en" ? ": " : "：";
  const local = (iso: string) => chinaTime(new Date(iso)).replace(" ", "T");
  const hours = (new Date(b.endsAt).getTime() - new Date(b.startsAt).getTime()) / 3_600_000;
  const canMove = (to: string) => b.moves.includes(to as never);
  const asManager = view === "manager" && b.parties.includes("manager");
  const asBooker = view === "booker" && b.parties.includes("booker");
  return (
    <li className="rounded-lg bg-white p-4 shadow-sm" data-testid="booking" data-status={b.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/instruments/${b.instrument.id}`} className="font-medium text-brand-700 hover:underline">
          {b.instrument.name}
        </Link>
        <span className={`rounded px-2 py-0.5 text-xs ${STATUS_TONE[b.status] ?? ""}`}>{t(`status.${b.status}`)}</span>
      </div>
      <p className="text-sm text-slate-700">
        {chinaTime(new Date(b.startsAt))} – {chinaTime(new Date(b.endsAt)).slice(11)} · {t(`service.${b.service}`)} · {t(`tier.${b.tier}`)}
      </p>
      {view === "manager" && <p className="text-sm text-slate-600">{t("manage.bookedBy", { name: b.booker.name, org: b.organisation?.name ?? "—" })}</p>}
      <p className="mt-1 text-sm">
        <span className="text-slate-500">
          {t("book.purpose")}
          {colon}
        </span>
        {b.purpose}
      </p>
      {b.sample && (
        <p className="text-sm">
          <span className="text-slate-500">
            {t("book.sample")}
            {colon}
          </span>
          {b.sample}
        </p>
      )}
      {b.hazards && (
        <p className="text-sm text-red-700">
          <span>
            {t("book.hazards")}
            {colon}
          </span>
          {b.hazards}
        </p>
      )}
      {b.declineReason && <p className="text-sm text-slate-600">{t("manage.reasonShown", { reason: b.declineReason })}</p>}
      <p className="text-sm text-slate-600">
        {b.hoursUsed !== null ? t("manage.usage", { hours: b.hoursUsed, fee: b.fee ?? 0 }) : b.fee !== null ? t("manage.quote", { fee: b.fee }) : null}
        {b.rating !== null && ` · ${t("bookings.ratingShown", { rating: b.rating })}`}
      </p>
      {b.report && (
        <p className="mt-1 text-sm" data-testid="booking-report">
          {t("bookings.report", { name: b.report.fileName })}{" "}
          <a href={b.report.url} className="text-brand-700 underline" download>
            {t("bookings.reportDownload")}
          </a>
        </p>
      )}
      <div className="mt-3 space-y-2">
        {asManager && canMove("APPROVED") && (
          <InlineActionForm action={approveBookingAction} locale={locale} hidden={ref} submit={t("manage.approve")} testId={`approve-${b.id}`} />
        )}
        {asManager && canMove("DECLINED") && (
          <InlineActionForm
            action={declineBookingAction}
            locale={locale}
            hidden={ref}
            tone="danger"
            submit={t("manage.decline")}
            fields={[{ name: "reason", label: t("manage.reason"), required: true }]}
            testId={`decline-${b.id}`}
          />
        )}
        {asManager && canMove("PROPOSED") && (
          <InlineActionForm
            action={proposeSlotAction}
            locale={locale}
            hidden={ref}
            tone="secondary"
            submit={t("manage.propose")}
            fields={[
              { name: "startsAt", label: t("book.startsAt"), type: "datetime-local", defaultValue: local(b.startsAt) },
              { name: "endsAt", label: t("book.endsAt"), type: "datetime-local", defaultValue: local(b.endsAt) },
            ]}
            testId={`propose-${b.id}`}
          />
        )}
        {asManager && canMove("COMPLETED") && (
          <InlineActionForm
            action={recordUseAction}
            locale={locale}
            hidden={ref}
            submit={t("manage.record")}
            fields={[
              { name: "hoursUsed", label: t("manage.hoursUsed"), type: "number", step: "0.25", defaultValue: String(hours) },
              { name: "fee", label: t("manage.fee"), type: "number", defaultValue: String(b.fee ?? 0) },
              { name: "note", label: t("manage.note") },
              { name: "report", label: t("manage.report"), type: "file", accept: REPORT_ACCEPT },
            ]}
            testId={`record-${b.id}`}
          />
        )}
        {asManager && b.mayAttachReport && (
          <InlineActionForm
            action={attachReportAction}
            locale={locale}
            hidden={{ bookingId: b.id }}
            tone="secondary"
            submit={b.report ? t("manage.reportReplace") : t("manage.reportAttach")}
            fields={[{ name: "report", label: t("manage.report"), type: "file", accept: REPORT_ACCEPT, required: true }]}
            testId={`report-${b.id}`}
          />
        )}
        {asManager && canMove("NO_SHOW") && (
          <InlineActionForm
            action={markNoShowAction}
            locale={locale}
            hidden={ref}
            tone="secondary"
            submit={t("manage.noShowButton")}
            testId={`noshow-${b.id}`}
          />
        )}
        {asBooker && b.status === "PROPOSED" && canMove("APPROVED") && (
          <InlineActionForm action={acceptProposalAction} locale={locale} hidden={ref} submit={t("bookings.accept")} testId={`accept-${b.id}`} />
        )}
        {asBooker && canMove("RATED") && (
          <InlineActionForm
            action={rateBookingAction}
            locale={locale}
            hidden={ref}
            submit={t("bookings.rate")}
            fields={[
              {
                name: "rating",
                label: t("bookings.rating"),
                type: "select",
                defaultValue: "5",
                options: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: "★".repeat(n) })),
              },
              { name: "comment", label: t("bookings.comment") },
            ]}
            testId={`rate-${b.id}`}
          />
        )}
        {(asManager || asBooker) && canMove("CANCELLED") && (
          <InlineActionForm
            action={cancelBookingAction}
            locale={locale}
            hidden={ref}
            tone="danger"
            submit={t("bookings.cancel")}
            fields={asManager ? [{ name: "reason", label: t("manage.reason") }] : []}
            testId={`cancel-${b.id}`}
          />
        )}
      </div>
    </li>
  );
}
