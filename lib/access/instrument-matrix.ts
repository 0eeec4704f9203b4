// The shared-instrument rows of the authorization matrix (issue 17): every instrument and booking
// action x every role and relationship, against the real database, compared with a hand-written
// table. Run from lib/access/authorization-matrix.int.test.ts (which mocks the session and next-intl).
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor, MaybeActor } from "@/lib/policy";
import { getAttachment } from "@/lib/attachments/attachments";
import { approveBooking, attachBookingReport, cancelBooking, getBooking, rateBooking, requestBooking } from "@/lib/instruments/bookings";
import { addPartner, listPartners, removePartner } from "@/lib/instruments/partners";
import { addInstrumentPhotos, deleteInstrumentPhoto, getInstrumentPhoto } from "@/lib/instruments/photos";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { writeStaffRevocation } from "@/lib/staff/write-staff-grant";
import { importInstrumentsFile } from "@/lib/instruments/import";
import { createInstrument, getInstrument, updateInstrument } from "@/lib/instruments/instruments";
import { getInstrumentMetrics } from "@/lib/instruments/metrics";
import { instrumentSchema } from "@/lib/instruments/schemas";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { addMember, createTestInstrument, nthWeekday } from "@/tests/kits/instrument-test-kit";
import { API_BASE, apiRequest, createApiUser, noParams, routeParams } from "@/tests/kits/api-test-kit";
import * as sharingRatesRoute from "@/app/api/v1/instruments/sharing-rates/route";
import * as bookingsRoute from "@/app/api/v1/instruments/[id]/bookings/route";
import * as photosRoute from "@/app/api/v1/instruments/[id]/photos/route";
import * as partnersRoute from "@/app/api/v1/instruments/partners/route";
import * as partnerRoute from "@/app/api/v1/instruments/partners/[organisationId]/route";
import * as institutionMetricsRoute from "@/app/api/v1/instruments/institution-metrics/route";
import * as reportRoute from "@/app/api/v1/instrument-bookings/[id]/report/route";
import {
  addPartnerAction,
  addPhotosAction,
  approveBookingAction,
  attachReportAction,
  createInstrumentAction,
  requestBookingAction,
} from "@/app/[locale]/instruments/actions";

export const INSTRUMENT_ROLES = [
  "anonymous",
  "manager", // the instrument's manager (a member of its institution)
  "institutionAdmin", // an admin of the institution that lists it
  "institutionMember", // another member of that institution
  "booker", // a company that booked it
  "otherCompany",
  "otherInstitutionMember", // a researcher of another university
  "broker",
  "admin",
  "analyst",
  "bookerColleague", // another member (not an admin) of the booker's company
  "revokedStaff", // a broker whose staff grant was revoked (no actor any more; the old token)
] as const;
export type InstrumentRole = (typeof INSTRUMENT_ROLES)[number];
type Person = { actor: Actor; token: string };
export type InstrumentCast = Record<Exclude<InstrumentRole, "anonymous" | "revokedStaff">, Person> & {
  revokedStaff: { actor: null; token: string };
  instrumentId: string;
  retiredId: string;
  institutionId: string;
  /** An organisation nobody of the cast belongs to (partner lists). */
  partnerOrgId: string;
  bookingOf: () => Promise<string>;
  /** A booking of the booker whose use was recorded, with a test report (its attachment id). */
  reportedBooking: () => Promise<{ bookingId: string; attachmentId: string }>;
  photoOf: (instrumentId: string) => Promise<string>;
  /** Removes the instrument's photos (each row adds one; an instrument holds at most 8). */
  clearPhotos: () => Promise<void>;
};

const withToken = async (actor: Actor): Promise<Person> => ({ actor, token: (await createApiToken(actor, "matrix")).token });

export async function createInstrumentCast(): Promise<InstrumentCast> {
  const institution = await createApiUser("RESEARCHER", { orgName: `矩阵大学 ${Date.now()}` });
  const manager = await withToken(await addMember(institution));
  const member = await withToken(await addMember(institution));
  const booker = await createApiUser("COMPANY");
  const [otherCompany, otherInstitutionMember, broker, admin, analyst, revokedBroker] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("BROKER"),
    createApiUser("ADMIN"),
    createApiUser("ANALYST"),
    createApiUser("BROKER"),
  ]);
  const bookerColleague = await withToken(await addMember(booker, "COMPANY"));
  await prisma.$transaction((tx) => writeStaffRevocation(tx, revokedBroker.actor.id, admin.actor.id, "matrix: revoked"));
  const revoked = toActor((await prisma.user.findUniqueOrThrow({ where: { id: revokedBroker.actor.id }, select: actorUserSelect() })) as never);
  if (revoked !== null) throw new Error("a revoked staff member must not be an actor");
  const partnerOrgId = (await prisma.organisation.create({ data: { name: `矩阵合作单位 ${Date.now()}`, kind: "COMPANY" }, select: { id: true } })).id;
  const instrumentId = await createTestInstrument(manager.actor, { name: "矩阵测试 透射电子显微镜" });
  const retiredId = await createTestInstrument(manager.actor, { name: "矩阵测试 停用仪器" });
  await prisma.instrument.update({ where: { id: retiredId }, data: { status: "RETIRED" } });
  let slot = 0;
  // A fresh booking by the booker in its own slot (each row acts on its own booking).
  const bookingOf = async () => {
    const startsAt = nthWeekday(Math.floor(slot / 4), 9 + 2 * (slot % 4), 30);
    slot++;
    return (
      await requestBooking(booker.actor, {
        instrumentId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        service: "OPERATOR",
        purpose: "矩阵",
      } as never)
    ).id;
  };
  const reportedBooking = async () => {
    const bookingId = await bookingOf();
    await prisma.instrumentBooking.update({ where: { id: bookingId }, data: { status: "COMPLETED", hoursUsed: new Prisma.Decimal(1), fee: 300 } });
    const { id: attachmentId } = await prisma.attachment.create({
      data: {
        bookingId,
        fileName: "matrix-report.pdf",
        contentType: "application/pdf",
        sizeBytes: 9,
        sha256: "0".repeat(64),
        data: Buffer.from("%PDF-1.4\n"),
        uploadedById: manager.actor.id,
      },
      select: { id: true },
    });
    return { bookingId, attachmentId };
  };
  const photoOf = async (of: string) =>
    (
      await prisma.instrumentPhoto.create({
        data: {
          instrumentId: of,
          fileName: "m.webp",
          contentType: "image/webp",
          width: 1,
          height: 1,
          sizeBytes: 1,
          sha256: "0".repeat(64),
          data: new Uint8Array([1]),
          thumb: new Uint8Array([1]),
          uploadedById: manager.actor.id,
        },
        select: { id: true },
      })
    ).id;
  return {
    bookerColleague,
    revokedStaff: { actor: null, token: revokedBroker.token },
    institutionId: institution.organisationId,
    partnerOrgId,
    reportedBooking,
    photoOf,
    clearPhotos: async () => {
      await prisma.instrumentPhoto.deleteMany({ where: { instrumentId } });
    },
    manager,
    institutionAdmin: institution,
    institutionMember: member,
    booker,
    otherCompany,
    otherInstitutionMember,
    broker,
    admin,
    analyst,
    instrumentId,
    retiredId,
    bookingOf,
  };
}

type Outcome = string;
async function service(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.code === "CONFLICT" ? "ok" : String(e.status);
    throw e;
  }
}
async function api(res: Promise<Response>): Promise<Outcome> {
  const r = await res;
  return r.status === 200 || r.status === 201 || r.status === 409 ? "ok" : String(r.status);
}

export type InstrumentOp = {
  name: string;
  rules: string[];
  run: (who: MaybeActor, token: string | null, cast: InstrumentCast, act: ActionRunner) => Promise<Outcome>;
  // One outcome per role, in INSTRUMENT_ROLES order.
  expected: Outcome[];
};
export type ActionRunner = (
  who: MaybeActor,
  run: (locale: string, prev: unknown, input: Record<string, unknown>) => Promise<FormState>,
  input: Record<string, unknown>,
) => Promise<Outcome>;

const instrumentInput = () =>
  instrumentSchema.parse({ name: "矩阵新仪器", categoryCode: "0103", services: ["OPERATOR"], openDays: [1, 2, 3, 4, 5], priceExternal: 100 });
let nextSlot = 0;
const freshSlot = () => {
  const startsAt = nthWeekday(Math.floor(nextSlot / 4), 9 + 2 * (nextSlot % 4), 120);
  nextSlot++;
  return { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) };
};
const csv = () => new TextEncoder().encode("externalId,name,categoryCode,services\nM-1,矩阵导入,0103,OPERATOR\n");
const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

//  anon mgr instAdm member booker oComp oInst broker admin analyst bookerColleague revokedStaff
const png = () =>
  new File(
    [Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64"))],
    "m.png",
    {
      type: "image/png",
    },
  );
const pdf = () => new File(["%PDF-1.4\n%%EOF\n"], "r.pdf", { type: "application/pdf" });
/** A multipart/form-data API request with the caller's token. */
const uploadRequest = (path: string, token: string | null, field: string, file: File) => {
  const form = new FormData();
  form.append(field, file);
  return new Request(`${API_BASE}${path}`, { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
};
const bytesOf = async (f: File) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });

export const INSTRUMENT_OPS: InstrumentOp[] = [
  {
    name: "page/service getInstrument (active)",
    rules: ["instrument.read"],
    run: (who, _t, c) => service(() => getInstrument(who, c.instrumentId)),
    expected: ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
  },
  {
    name: "page/service getInstrument (retired)",
    rules: ["instrument.read"],
    run: (who, _t, c) => service(() => getInstrument(who, c.retiredId)),
    expected: ["404", "ok", "ok", "ok", "404", "404", "404", "404", "ok", "404", "404", "404"],
  },
  {
    name: "service createInstrument",
    rules: ["instrument.create"],
    run: (who) => service(() => createInstrument(who as Actor, instrumentInput())),
    expected: ["401", "ok", "ok", "ok", "ok", "ok", "ok", "403", "403", "403", "ok", "401"],
  },
  {
    name: "server action createInstrumentAction",
    rules: ["instrument.create"],
    run: (who, _t, _c, act) => act(who, createInstrumentAction, { name: "矩阵动作仪器", categoryCode: "0103", services: "OPERATOR" }),
    expected: ["401", "ok", "ok", "ok", "ok", "ok", "ok", "403", "403", "403", "ok", "401"],
  },
  {
    name: "service importInstrumentsFile (validate)",
    rules: ["instrument.import"],
    run: (who) => service(() => importInstrumentsFile(who as Actor, { name: "m.csv", bytes: csv() }, "validate", "en")),
    expected: ["401", "ok", "ok", "ok", "ok", "ok", "ok", "403", "403", "403", "ok", "401"],
  },
  {
    name: "service updateInstrument",
    rules: ["instrument.update"],
    run: async (who, _t, c) => {
      const { version } = await prisma.instrument.findUniqueOrThrow({ where: { id: c.instrumentId } });
      return service(() =>
        updateInstrument(
          who as Actor,
          c.instrumentId,
          version,
          instrumentSchema.parse({ name: "矩阵测试 透射电子显微镜", categoryCode: "0101", services: ["OPERATOR"] }),
        ),
      );
    },
    expected: ["401", "ok", "ok", "404", "404", "404", "404", "404", "404", "404", "404", "401"],
  },
  {
    name: "service requestBooking",
    rules: ["instrument.book"],
    run: (who, _t, c) =>
      service(() => requestBooking(who as Actor, { instrumentId: c.instrumentId, ...freshSlot(), service: "OPERATOR", purpose: "矩阵预约" } as never)),
    expected: ["401", "ok", "ok", "ok", "ok", "ok", "ok", "404", "404", "404", "ok", "401"],
  },
  {
    name: "POST /api/v1/instruments/{id}/bookings",
    rules: ["instrument.book"],
    run: (_who, token, c) => {
      const s = freshSlot();
      return api(
        bookingsRoute.POST(
          apiRequest(`/instruments/${c.instrumentId}/bookings`, {
            token,
            method: "POST",
            body: { startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), purpose: "矩阵 API" },
          }),
          routeParams({ id: c.instrumentId }),
        ),
      );
    },
    expected: ["401", "ok", "ok", "ok", "ok", "ok", "ok", "404", "404", "404", "ok", "401"],
  },
  {
    name: "server action requestBookingAction",
    rules: ["instrument.book"],
    run: (who, _t, c, act) => {
      const s = freshSlot();
      return act(who, requestBookingAction, { instrumentId: c.instrumentId, startsAt: local(s.startsAt), endsAt: local(s.endsAt), purpose: "矩阵动作" });
    },
    expected: ["401", "ok", "ok", "ok", "ok", "ok", "ok", "404", "404", "404", "ok", "401"],
  },
  {
    name: "service getBooking",
    rules: ["booking.read"],
    run: async (who, _t, c) => {
      const id = await c.bookingOf();
      return service(() => getBooking(who, id));
    },
    expected: ["404", "ok", "ok", "404", "ok", "404", "404", "404", "ok", "404", "404", "404"],
  },
  {
    name: "service approveBooking",
    rules: ["booking.manage"],
    run: async (who, _t, c) => {
      const id = await c.bookingOf();
      return service(() => approveBooking(who as Actor, { bookingId: id, version: 1 }));
    },
    expected: ["404", "ok", "ok", "404", "403", "404", "404", "404", "403", "404", "404", "404"],
  },
  {
    name: "server action approveBookingAction",
    rules: ["booking.manage"],
    run: async (who, _t, c, act) => {
      const id = await c.bookingOf();
      return act(who, approveBookingAction, { bookingId: id, version: "1" });
    },
    expected: ["401", "ok", "ok", "404", "403", "404", "404", "404", "403", "404", "404", "401"],
  },
  {
    name: "service cancelBooking",
    rules: ["booking.cancel"],
    run: async (who, _t, c) => {
      const id = await c.bookingOf();
      return service(() => cancelBooking(who as Actor, { bookingId: id, version: 1 }));
    },
    expected: ["404", "ok", "ok", "404", "ok", "404", "404", "404", "403", "404", "404", "404"],
  },
  {
    name: "service rateBooking (completed booking)",
    rules: ["booking.respond"],
    run: async (who, _t, c) => {
      const id = await c.bookingOf();
      await prisma.instrumentBooking.update({ where: { id }, data: { status: "COMPLETED", hoursUsed: new Prisma.Decimal(1), fee: 300 } });
      return service(() => rateBooking(who as Actor, { bookingId: id, version: 1, rating: 4 }));
    },
    expected: ["404", "403", "403", "404", "ok", "404", "404", "404", "403", "404", "404", "404"],
  },
  {
    name: "service getInstrumentMetrics",
    rules: ["instrument.metrics"],
    run: (who, _t, c) => service(() => getInstrumentMetrics(who, c.instrumentId, { from: new Date(Date.now() - 86_400_000 * 30), to: new Date() })),
    expected: ["401", "ok", "ok", "ok", "404", "404", "404", "ok", "ok", "ok", "404", "401"],
  },
  {
    name: "GET /api/v1/instruments/sharing-rates",
    rules: ["instrument.sharingRates"],
    run: (_who, token) => api(sharingRatesRoute.GET(apiRequest(`/instruments/sharing-rates?groupBy=region`, { token }), noParams)),
    expected: ["401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "401"],
  },
  {
    name: "service addInstrumentPhotos",
    rules: ["instrument.photo"],
    run: async (who, _t, c) => {
      await c.clearPhotos();
      return service(async () => addInstrumentPhotos(who as Actor, c.instrumentId, [await bytesOf(png())]));
    },
    expected: ["401", "ok", "ok", "404", "404", "404", "404", "404", "404", "404", "404", "401"],
  },
  {
    name: "server action addPhotosAction",
    rules: ["instrument.photo"],
    run: async (who, _t, c, act) => {
      await c.clearPhotos();
      return act(who, addPhotosAction, { instrumentId: c.instrumentId, photos: [png()] });
    },
    expected: ["401", "ok", "ok", "404", "404", "404", "404", "404", "404", "404", "404", "401"],
  },
  {
    name: "service deleteInstrumentPhoto",
    rules: ["instrument.photo"],
    run: async (who, _t, c) => {
      const id = await c.photoOf(c.instrumentId);
      return service(() => deleteInstrumentPhoto(who as Actor, id));
    },
    expected: ["401", "ok", "ok", "404", "404", "404", "404", "404", "404", "404", "404", "401"],
  },
  {
    name: "photo of a retired instrument (GET /api/instrument-photos/{id})",
    rules: ["instrument.read"],
    run: async (who, _t, c) => {
      const id = await c.photoOf(c.retiredId);
      return service(() => getInstrumentPhoto(who, id, "thumb"));
    },
    expected: ["404", "ok", "ok", "ok", "404", "404", "404", "404", "ok", "404", "404", "404"],
  },
  {
    name: "service attachBookingReport (completed booking)",
    rules: ["booking.attachReport"],
    run: async (who, _t, c) => {
      const { bookingId } = await c.reportedBooking();
      return service(async () => attachBookingReport(who as Actor, { bookingId, report: await bytesOf(pdf()) }));
    },
    expected: ["404", "ok", "ok", "404", "403", "404", "404", "404", "403", "404", "404", "404"],
  },
  {
    name: "server action attachReportAction",
    rules: ["booking.attachReport"],
    run: async (who, _t, c, act) => {
      const { bookingId } = await c.reportedBooking();
      return act(who, attachReportAction, { bookingId, report: [pdf()] });
    },
    expected: ["401", "ok", "ok", "404", "403", "404", "404", "404", "403", "404", "404", "401"],
  },
  {
    name: "service getAttachment (a booking's test report: GET /api/attachments/{id})",
    rules: ["booking.report"],
    run: async (who, _t, c) => {
      const { attachmentId } = await c.reportedBooking();
      return service(() => getAttachment(who as Actor, attachmentId, { ip: null }));
    },
    expected: ["404", "ok", "ok", "404", "ok", "404", "404", "404", "404", "404", "404", "404"],
  },
  {
    name: "service getBooking shows the test report (hidden: the booking without it)",
    rules: ["booking.report"],
    run: async (who, _t, c) => {
      const { bookingId } = await c.reportedBooking();
      try {
        return (await getBooking(who, bookingId)).report ? "ok" : "hidden";
      } catch (e) {
        return service(() => Promise.reject(e));
      }
    },
    expected: ["404", "ok", "ok", "404", "ok", "404", "404", "404", "hidden", "404", "404", "404"],
  },
  {
    name: "service listPartners (the institution's)",
    rules: ["instrument.partners"],
    run: (who, _t, c) => service(() => listPartners(who as Actor, c.institutionId)),
    expected: ["401", "404", "ok", "404", "404", "404", "404", "404", "404", "404", "404", "401"],
  },
  {
    name: "service addPartner (to one's own organisation)",
    rules: ["instrument.partners"],
    run: (who, _t, c) => service(() => addPartner(who as Actor, { partnerOrganisationId: c.partnerOrgId })),
    // Every organisation's admin keeps its own list (a company that opens its lab is an institution too).
    expected: ["401", "404", "ok", "404", "ok", "ok", "ok", "404", "404", "404", "404", "401"],
  },
  {
    name: "server action addPartnerAction",
    rules: ["instrument.partners"],
    run: (who, _t, c, act) => act(who, addPartnerAction, { partnerOrganisationId: c.partnerOrgId }),
    expected: ["401", "404", "ok", "404", "ok", "ok", "ok", "404", "404", "404", "404", "401"],
  },
  {
    name: "service removePartner (from one's own organisation)",
    rules: ["instrument.partners"],
    run: async (who, _t, c) => {
      if (who?.organisationId) {
        await prisma.institutionPartner.upsert({
          where: { organisationId_partnerOrganisationId: { organisationId: who.organisationId, partnerOrganisationId: c.partnerOrgId } },
          create: { organisationId: who.organisationId, partnerOrganisationId: c.partnerOrgId },
          update: {},
        });
      }
      return service(() => removePartner(who as Actor, c.partnerOrgId));
    },
    expected: ["401", "404", "ok", "404", "ok", "ok", "ok", "404", "404", "404", "404", "401"],
  },
  {
    name: "POST /api/v1/instruments/{id}/photos",
    rules: ["instrument.photo"],
    run: async (_who, token, c) => {
      await c.clearPhotos();
      return api(photosRoute.POST(uploadRequest(`/instruments/${c.instrumentId}/photos`, token, "photos", png()), routeParams({ id: c.instrumentId })));
    },
    expected: ["401", "ok", "ok", "404", "404", "404", "404", "404", "404", "404", "404", "401"],
  },
  {
    name: "POST /api/v1/instrument-bookings/{id}/report",
    rules: ["booking.attachReport"],
    run: async (_who, token, c) => {
      const { bookingId } = await c.reportedBooking();
      return api(reportRoute.POST(uploadRequest(`/instrument-bookings/${bookingId}/report`, token, "file", pdf()), routeParams({ id: bookingId })));
    },
    expected: ["401", "ok", "ok", "404", "403", "404", "404", "404", "403", "404", "404", "401"],
  },
  {
    name: "GET /api/v1/instruments/partners (one's own institution's)",
    rules: ["instrument.partners"],
    run: (_who, token) => api(partnersRoute.GET(apiRequest("/instruments/partners", { token }), noParams)),
    expected: ["401", "404", "ok", "404", "ok", "ok", "ok", "404", "404", "404", "404", "401"],
  },
  {
    name: "POST /api/v1/instruments/partners",
    rules: ["instrument.partners"],
    run: (_who, token, c) =>
      api(partnersRoute.POST(apiRequest("/instruments/partners", { token, method: "POST", body: { partnerOrganisationId: c.partnerOrgId } }), noParams)),
    expected: ["401", "404", "ok", "404", "ok", "ok", "ok", "404", "404", "404", "404", "401"],
  },
  {
    name: "GET /api/v1/instruments/institution-metrics",
    rules: ["instrument.institutionMetrics"],
    run: (_who, token) => api(institutionMetricsRoute.GET(apiRequest("/instruments/institution-metrics", { token }), noParams)),
    expected: ["401", "403", "403", "403", "403", "403", "403", "ok", "ok", "ok", "403", "401"],
  },
  {
    name: "DELETE /api/v1/instruments/partners/{organisationId}",
    rules: ["instrument.partners"],
    run: async (who, token, c) => {
      if (who?.organisationId) {
        await prisma.institutionPartner.upsert({
          where: { organisationId_partnerOrganisationId: { organisationId: who.organisationId, partnerOrganisationId: c.partnerOrgId } },
          create: { organisationId: who.organisationId, partnerOrganisationId: c.partnerOrgId },
          update: {},
        });
      }
      const id = c.partnerOrgId;
      return api(partnerRoute.DELETE(apiRequest(`/instruments/partners/${id}`, { token, method: "DELETE" }), routeParams({ organisationId: id })));
    },
    expected: ["401", "404", "ok", "404", "ok", "ok", "ok", "404", "404", "404", "404", "401"],
  },
];
