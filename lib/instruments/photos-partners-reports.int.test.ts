// Issue 17, the rest: photos (checked by bytes, re-encoded, clear field errors), the test report
// (only the booker's side and the managers learn its name or download it: a canary), partner
// organisations kept by the institution (the tier of new and open bookings follows them), and the
// REST responses of every instrument operation parsed with their OpenAPI schemas.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getAttachment } from "@/lib/attachments/attachments";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Actor, MaybeActor } from "@/lib/policy";
import { approveBooking, getBooking, listManagedBookings, listMyBookings, recordUse, requestBooking, attachBookingReport } from "./bookings";
import { getInstrument } from "./instruments";
import { addPartner, listPartners, removePartner } from "./partners";
import { addInstrumentPhotos, deleteInstrumentPhoto, getInstrumentPhoto } from "./photos";
import { addMember, createApiUser, createTestInstrument, nthWeekday } from "@/tests/kits/instrument-test-kit";
import { apiRequest, noParams, routeParams, type ApiUser } from "@/tests/kits/api-test-kit";
import { runJobs } from "@/tests/kits/access-test-kit";
import { createNeed } from "@/lib/needs/create-need";
import { instrumentsForNeed, needsForInstrument } from "./match";
import { getInstitutionMetrics, sharingByInstitution } from "./metrics";
import * as instrumentsRoute from "@/app/api/v1/instruments/route";
import * as instrumentRoute from "@/app/api/v1/instruments/[id]/route";
import * as bookingsRoute from "@/app/api/v1/instruments/[id]/bookings/route";
import * as calendarRoute from "@/app/api/v1/instruments/[id]/calendar/route";
import * as metricsRoute from "@/app/api/v1/instruments/[id]/metrics/route";
import * as importRoute from "@/app/api/v1/instruments/import/route";
import * as sharingRatesRoute from "@/app/api/v1/instruments/sharing-rates/route";
import * as bookingListRoute from "@/app/api/v1/instrument-bookings/route";
import * as bookingRoute from "@/app/api/v1/instrument-bookings/[id]/route";
import * as transitionsRoute from "@/app/api/v1/instrument-bookings/[id]/transitions/route";

let uni: ApiUser; // the institution's admin
let manager: Actor;
let uniMember: Actor;
let company: ApiUser; // the booker's organisation admin
let booker: Actor; // a member of that company
let colleague: Actor; // another member of the booker's company
let otherCompany: ApiUser;
let broker: ApiUser;
let admin: ApiUser;
let analyst: ApiUser;
let instrumentId: string;
let slot = 0;

const outcome = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isAppError(e)) return `${e.status}:${e.key ?? ""}`;
    throw e;
  }
};
const fieldsOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    if (isAppError(e)) return { key: e.key, fields: e.fields };
    throw e;
  }
};
const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .png()
    .toBuffer()
    .then((b) => new Uint8Array(b));
const book = async (who: Actor) => {
  const startsAt = nthWeekday(slot++, 10, 5);
  return (
    await requestBooking(who, { instrumentId, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), service: "OPERATOR", purpose: "报告测试" } as never)
  ).id;
};

beforeAll(async () => {
  uni = await createApiUser("RESEARCHER", { orgName: `照片报告大学 ${Date.now()}` });
  manager = await addMember(uni);
  uniMember = await addMember(uni);
  company = await createApiUser("COMPANY", { orgName: `合作测试公司 ${Date.now()}` });
  booker = await addMember(company, "COMPANY");
  colleague = await addMember(company, "COMPANY");
  [otherCompany, broker, admin, analyst] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("BROKER"),
    createApiUser("ADMIN"),
    createApiUser("ANALYST"),
  ]);
  instrumentId = await createTestInstrument(manager, { name: "照片测试 X射线衍射仪" });
});

describe("photos", () => {
  it("re-encodes an image (fits 1600 px, thumbnail 480x360) and shows it on the instrument to everyone who may read it", async () => {
    const { ids } = await addInstrumentPhotos(manager, instrumentId, [{ name: "xrd.png", bytes: await png(3200, 1800) }]);
    const view = await getInstrument(null, instrumentId);
    expect(view.photos).toEqual([
      { id: ids[0], url: `/api/instrument-photos/${ids[0]}`, thumbUrl: `/api/instrument-photos/${ids[0]}?size=thumb`, width: 1600, height: 900 },
    ]);
    const full = await getInstrumentPhoto(null, ids[0]!, "full");
    const thumb = await getInstrumentPhoto(null, ids[0]!, "thumb");
    expect(await sharp(full.bytes).metadata()).toMatchObject({ format: "webp", width: 1600, height: 900 });
    expect(await sharp(thumb.bytes).metadata()).toMatchObject({ format: "webp", width: 480, height: 360 });
    expect(full.public).toBe(true);
  });

  it("refuses what is not an image, an empty file and too many photos with field errors naming the file and the limit", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    expect(await fieldsOf(addInstrumentPhotos(manager, instrumentId, [{ name: "spec.pdf", bytes: pdf }]))).toEqual({
      key: "file.imageWrongType",
      fields: { photos: [{ key: "v.imageWrongType", params: { mb: 10, name: "spec.pdf" } }] },
    });
    expect(await fieldsOf(addInstrumentPhotos(manager, instrumentId, [{ name: "empty.jpg", bytes: new Uint8Array() }]))).toMatchObject({
      fields: { photos: [{ key: "v.fileEmpty" }] },
    });
    const nine = await Promise.all(Array.from({ length: 8 }, async (_, i) => ({ name: `p${i}.png`, bytes: await png(20, 20) })));
    expect(await fieldsOf(addInstrumentPhotos(manager, instrumentId, nine))).toEqual({
      key: "instruments.photoTooMany",
      fields: { photos: [{ key: "v.tooManyPhotos", params: { max: 8, left: 7 } }] },
    });
    expect(await prisma.instrumentPhoto.count({ where: { instrumentId } })).toBe(1);
  });

  it("only the instrument's managers add and remove photos (others: 404)", async () => {
    const bytes = await png(40, 30);
    expect(await outcome(addInstrumentPhotos(booker, instrumentId, [{ name: "x.png", bytes }]))).toBe("404:");
    expect(await outcome(addInstrumentPhotos(uniMember, instrumentId, [{ name: "x.png", bytes }]))).toBe("404:");
    const { ids } = await addInstrumentPhotos(uni.actor, instrumentId, [{ name: "admin.png", bytes }]);
    expect(await outcome(deleteInstrumentPhoto(otherCompany.actor, ids[0]!))).toBe("404:");
    expect(await outcome(deleteInstrumentPhoto(manager, ids[0]!))).toBe("ok");
    expect(await outcome(getInstrumentPhoto(null, ids[0]!, "thumb"))).toBe("404:instruments.photoNotFound");
  });
});

describe("test reports (canary)", () => {
  const CANARY = `CANARY-${Date.now().toString(36)}`;
  it("reach the booker's side and the managers only, never anyone else, through views, lists and downloads", async () => {
    const id = await book(booker);
    await approveBooking(manager, { bookingId: id, version: 1 });
    const report = { name: `${CANARY}.pdf`, bytes: new TextEncoder().encode(`%PDF-1.4\n% ${CANARY} lattice parameters\n%%EOF\n`) };
    await recordUse(manager, { bookingId: id, version: 2, hoursUsed: 1, fee: 300, report });
    const attachment = await prisma.attachment.findFirstOrThrow({ where: { bookingId: id } });

    const allowed: [string, Actor][] = [
      ["booker", booker],
      ["booker's organisation admin", company.actor],
      ["manager", manager],
      ["institution admin", uni.actor],
    ];
    for (const [who, actor] of allowed) {
      expect((await getBooking(actor, id)).report?.fileName, who).toBe(`${CANARY}.pdf`);
      expect(Buffer.from((await getAttachment(actor, attachment.id, { ip: null })).data).toString(), who).toContain(CANARY);
    }
    const others: [string, MaybeActor][] = [
      ["institution member", uniMember],
      ["booker's colleague", colleague],
      ["other company", otherCompany.actor],
      ["broker", broker.actor],
      ["platform admin", admin.actor],
      ["analyst", analyst.actor],
    ];
    for (const [who, actor] of others) {
      const seen = await getBooking(actor, id).catch((e) => (isAppError(e) ? e.key : e));
      expect(JSON.stringify(seen), who).not.toContain(CANARY);
      expect(await outcome(getAttachment(actor as Actor, attachment.id, { ip: null })), who).toBe("404:");
      if (actor) {
        expect(JSON.stringify([await listMyBookings(actor), await listManagedBookings(actor)]), who).not.toContain(CANARY);
      }
    }
    // The platform admin reads the booking (disputes) through the API: still without the report.
    const res = await bookingRoute.GET(apiRequest(`/instrument-bookings/${id}`, { token: admin.token }), routeParams({ id }));
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(CANARY);
    // Notifications never carry the file name (they are mailed, shown in lists, kept).
    const notices = await prisma.notification.findMany({ where: { link: "/instruments/bookings" } });
    expect(JSON.stringify(notices)).not.toContain(CANARY);
    expect(notices.filter((n) => n.userId === booker.id).map((n) => n.kind)).toContain("instrumentBooking.completedWithReport");
  });

  it("may be attached or replaced later by the managers only, once the work is recorded; a bad file is refused on the report field", async () => {
    const id = await book(booker);
    const pdf = { name: "report.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n") };
    expect(await outcome(attachBookingReport(manager, { bookingId: id, report: pdf }))).toBe("409:instruments.reportNotCompleted");
    await approveBooking(manager, { bookingId: id, version: 1 });
    await recordUse(manager, { bookingId: id, version: 2, hoursUsed: 1, fee: 300 });
    expect(await outcome(attachBookingReport(booker, { bookingId: id, report: pdf }))).toBe("403:");
    expect(await outcome(attachBookingReport(otherCompany.actor, { bookingId: id, report: pdf }))).toBe("404:instruments.bookingNotFound");
    expect(
      await fieldsOf(attachBookingReport(manager, { bookingId: id, report: { name: "r.exe", bytes: new Uint8Array([0x4d, 0x5a, 1, 2, 3]) } })),
    ).toMatchObject({
      fields: { report: [{ key: "v.fileWrongType", params: { name: "r.exe" } }] },
    });
    await attachBookingReport(manager, { bookingId: id, report: pdf });
    await attachBookingReport(uni.actor, { bookingId: id, report: { ...pdf, name: "report-v2.pdf" } });
    expect((await getBooking(booker, id)).report?.fileName).toBe("report-v2.pdf");
    expect(await prisma.attachment.count({ where: { bookingId: id } })).toBe(1);
  });
});

describe("partner organisations", () => {
  it("the institution's admin keeps the list; new bookings and open ones not yet approved follow it", async () => {
    const open = await book(booker);
    const approved = await book(booker);
    await approveBooking(manager, { bookingId: approved, version: 1 });
    expect((await getBooking(booker, open)).tier).toBe("EXTERNAL");

    expect(await outcome(addPartner(manager, { partnerOrganisationId: company.organisationId }))).toBe("404:");
    expect(await fieldsOf(addPartner(uni.actor, { name: "没有这个单位" }))).toEqual({
      key: "instruments.partnerUnknown",
      fields: { name: ["v.partnerUnknown"] },
    });
    expect(await fieldsOf(addPartner(uni.actor, { partnerOrganisationId: uni.organisationId }))).toMatchObject({ key: "instruments.partnerSelf" });

    const org = await prisma.organisation.findUniqueOrThrow({ where: { id: company.organisationId } });
    expect(await addPartner(uni.actor, { name: org.name.toUpperCase() })).toEqual({ organisationId: company.organisationId, repriced: 1 });
    expect((await listPartners(uni.actor, uni.organisationId)).map((p) => p.name)).toEqual([org.name]);
    const reopened = await getBooking(booker, open);
    expect(reopened).toMatchObject({ tier: "PARTNER", fee: 200, version: 2 });
    expect((await getBooking(booker, approved)).tier).toBe("EXTERNAL");
    expect((await getBooking(colleague, await book(colleague))).tier).toBe("PARTNER");
    expect((await getBooking(otherCompany.actor, await book(otherCompany.actor))).tier).toBe("EXTERNAL");

    expect(await removePartner(uni.actor, company.organisationId)).toEqual({ repriced: 2 });
    expect((await getBooking(booker, open)).tier).toBe("EXTERNAL");
    expect(await outcome(removePartner(uni.actor, company.organisationId))).toBe("404:instruments.partnerNotFound");
    expect(await outcome(listPartners(company.actor, uni.organisationId))).toBe("404:");
  });
});

describe("metrics per institution", () => {
  it("every institution side by side for staff and analysts, matching the institution's own figures", async () => {
    const period = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 120 * 86_400_000) };
    const rows = await sharingByInstitution(analyst.actor, period);
    const own = await getInstitutionMetrics(uni.actor, uni.organisationId, period);
    const row = rows.find((r) => r.organisationId === uni.organisationId)!;
    expect(row).toMatchObject({ name: expect.stringContaining("照片报告大学"), kind: "UNIVERSITY", ...own.total });
    expect(row.externalOrganisationsServed).toBe(1);
    expect(row.medianHoursToApproval).not.toBeNull();
    expect(await outcome(sharingByInstitution(uni.actor, period))).toBe("403:");
  });
});

describe("needs <-> instruments", () => {
  it("a need lists instruments that could help, and the instrument page lists the needs it could serve (as the viewer may see them)", async () => {
    const title = `粉末材料晶体结构与物相鉴定 ${Date.now().toString(36)}`;
    const { id: needId } = await createNeed(company.actor, {
      title,
      description: "我们需要对一批新型正极粉末材料做物相鉴定和晶体结构分析，判断烧结工艺是否形成杂相，希望找到能做X射线衍射测试的实验室。",
      field: "新材料",
      keywords: ["X射线衍射", "物相分析", "晶体结构"],
      visibility: "PUBLIC",
      collaborationModes: [],
    } as never);
    const secret = await createNeed(company.actor, {
      title: `保密 X射线衍射 晶体结构 ${Date.now().toString(36)}`,
      description: "保密的需求正文，讲的是X射线衍射和晶体结构。",
      field: "新材料",
      keywords: ["X射线衍射"],
      visibility: "BROKER_ONLY",
      collaborationModes: [],
    } as never);
    await runJobs(["index-need", "index-needs", "index-instruments"]);
    const helpers = await instrumentsForNeed(company.actor, needId);
    expect(helpers.map((i) => i.id)).toContain(instrumentId);
    expect(await instrumentsForNeed(otherCompany.actor, secret.id)).toEqual([]);
    const served = await needsForInstrument(otherCompany.actor, instrumentId, 20);
    expect(served.map((n) => n.id)).toContain(needId);
    expect(served.map((n) => n.id)).not.toContain(secret.id);
    expect(await needsForInstrument(null, instrumentId)).toEqual([]);
  });
});

describe("REST responses match their OpenAPI schemas (parsed by op.json under tests)", () => {
  it("every instrument operation answers with its documented shape", async () => {
    await runJobs(["index-instruments"]);
    const t = { token: company.token };
    const ok = async (res: Response | Promise<Response>, status = 200) => {
      const r = await res;
      expect(r.status, await r.clone().text()).toBe(status);
      return r.json();
    };
    await ok(instrumentsRoute.GET(apiRequest("/instruments?q=X射线", t), noParams));
    const created = (await ok(
      instrumentsRoute.POST(
        apiRequest("/instruments", { token: uni.token, body: { name: "接口测试仪器", categoryCode: "0103", services: ["OPERATOR"], priceExternal: 100 } }),
        noParams,
      ),
      201,
    )) as { id: string; version: number };
    await ok(instrumentRoute.GET(apiRequest(`/instruments/${instrumentId}`, t), routeParams({ id: instrumentId })));
    await ok(
      instrumentRoute.PUT(
        apiRequest(`/instruments/${created.id}`, {
          token: uni.token,
          method: "PUT",
          body: { name: "接口测试仪器 2", categoryCode: "0103", services: ["OPERATOR"], version: created.version },
        }),
        routeParams({ id: created.id }),
      ),
    );
    const startsAt = nthWeekday(slot++, 10, 5);
    const booking = (await ok(
      bookingsRoute.POST(
        apiRequest(`/instruments/${instrumentId}/bookings`, {
          ...t,
          method: "POST",
          body: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), purpose: "接口预约" },
        }),
        routeParams({ id: instrumentId }),
      ),
      201,
    )) as { id: string; version: number };
    await ok(calendarRoute.GET(apiRequest(`/instruments/${instrumentId}/calendar`, t), routeParams({ id: instrumentId })));
    await ok(metricsRoute.GET(apiRequest(`/instruments/${instrumentId}/metrics`, { token: uni.token }), routeParams({ id: instrumentId })));
    await ok(sharingRatesRoute.GET(apiRequest("/instruments/sharing-rates?groupBy=region", t), noParams));
    await ok(bookingListRoute.GET(apiRequest("/instrument-bookings?as=booker", t), noParams));
    await ok(bookingListRoute.GET(apiRequest("/instrument-bookings?as=manager", { token: uni.token }), noParams));
    await ok(bookingRoute.GET(apiRequest(`/instrument-bookings/${booking.id}`, t), routeParams({ id: booking.id })));
    await ok(
      transitionsRoute.POST(
        apiRequest(`/instrument-bookings/${booking.id}/transitions`, { token: uni.token, method: "POST", body: { to: "APPROVED", version: booking.version } }),
        routeParams({ id: booking.id }),
      ),
    );
    const form = new FormData();
    form.set("file", new File(["externalId,name,categoryCode,services\nAPI-1,接口导入,0103,OPERATOR\n"], "i.csv", { type: "text/csv" }));
    const req = new Request("http://localhost/api/v1/instruments/import?mode=validate", {
      method: "POST",
      headers: { authorization: `Bearer ${uni.token}` },
      body: form,
    });
    await ok(importRoute.POST(req, noParams));
  });
});
