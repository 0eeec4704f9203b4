// Shared instruments against the real database and Meilisearch: overlapping bookings refused by
// the exclusion constraint even for concurrent transactions, the booking cycle through the
// services, the sweeps, metrics against hand-computed figures, search by what one wants to
// measure, and the bulk import.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { wordNotifications } from "@/lib/notifications/word-notification";
import { AppError, isAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/policy";
import {
  acceptProposal,
  approveBooking,
  cancelBooking,
  declineBooking,
  getInstrumentCalendar,
  proposeSlot,
  rateBooking,
  recordUse,
  requestBooking,
} from "./bookings";
import { importInstrumentsFile } from "./import";
import { getInstitutionMetrics, getInstrumentMetrics, sharingRateBy } from "./metrics";
import { searchInstruments } from "./search-index";
import { sweepInstrumentBookings } from "./sweeps";
import { addMember, createApiUser, createTestInstrument, weekdayAt } from "@/tests/kits/instrument-test-kit";
import { runJobs } from "@/tests/kits/access-test-kit";
import type { ApiUser } from "@/tests/kits/api-test-kit";

let uni: ApiUser; // the institution's admin (manages every instrument of it)
let manager: Actor; // a member who lists (and so manages) an instrument
let companyA: ApiUser;
let companyB: ApiUser;
let xrd: string;

const errorKey = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isAppError(e)) return `${e.code}:${e.key ?? ""}`;
    throw e;
  }
};
const booking = (id: string) => prisma.instrumentBooking.findUniqueOrThrow({ where: { id } });
const request = (who: Actor, instrumentId: string, startsAt: Date, hours = 2) =>
  requestBooking(who, {
    instrumentId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
    service: "OPERATOR",
    purpose: "物相分析",
    sample: "粉末 1 g",
    hazards: undefined,
    sampleCount: undefined,
  });

beforeAll(async () => {
  uni = await createApiUser("RESEARCHER", { orgName: `深圳某大学 ${Date.now()}` });
  manager = await addMember(uni);
  companyA = await createApiUser("COMPANY");
  companyB = await createApiUser("COMPANY");
  xrd = await createTestInstrument(manager);
  await createTestInstrument(manager, { name: "场发射扫描电子显微镜", nameEn: "Field emission SEM", categoryCode: "0101", model: "SU8010" });
  await createTestInstrument(manager, { name: "高性能计算集群", nameEn: "HPC cluster", categoryCode: "13", region: "广州", priceExternal: 50 });
  await runJobs(["index-instruments"]);
});

describe("overlapping bookings", () => {
  it("refuses an overlapping slot with a clear message, and accepts the slot right after", async () => {
    const start = weekdayAt(10, 9);
    await request(companyA.actor, xrd, start, 2);
    expect(await errorKey(request(companyB.actor, xrd, new Date(start.getTime() + 3_600_000), 2))).toBe("CONFLICT:instruments.bookingOverlap");
    // [09:00, 11:00) and [11:00, 12:00) touch but do not overlap.
    expect(await errorKey(request(companyB.actor, xrd, new Date(start.getTime() + 2 * 3_600_000), 1))).toBe("ok");
  });

  it("lets only one of two requests sent at the same moment win", async () => {
    const start = weekdayAt(11, 13);
    const outcomes = await Promise.all(
      [request(companyA.actor, xrd, start, 2), request(companyB.actor, xrd, new Date(start.getTime() + 1_800_000), 2)].map(errorKey),
    );
    expect(outcomes.sort()).toEqual(["CONFLICT:instruments.bookingOverlap", "ok"]);
  });

  it("holds even when the second transaction starts while the first is still open", async () => {
    const start = weekdayAt(12, 9);
    let inserted!: () => void;
    let release!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const releaseP = new Promise<void>((r) => (release = r));
    // Transaction 1 inserts and stays open.
    const first = prisma.$transaction(async (tx) => {
      await tx.instrumentBooking.create({
        data: {
          instrumentId: xrd,
          bookerId: companyA.actor.id,
          organisationId: companyA.organisationId,
          purpose: "一",
          startsAt: start,
          endsAt: new Date(start.getTime() + 7_200_000),
          tier: "EXTERNAL",
        },
      });
      inserted();
      await releaseP;
    });
    await insertedP;
    // Transaction 2 (the service) inserts an overlapping slot: PostgreSQL makes it wait for transaction 1.
    const second = errorKey(request(companyB.actor, xrd, new Date(start.getTime() + 3_600_000), 2));
    for (;;) {
      const [row] = await prisma.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if ((row?.waiting ?? 0) > 0) break;
      await new Promise((r) => setImmediate(r));
    }
    release();
    await first;
    expect(await second).toBe("CONFLICT:instruments.bookingOverlap");
  });

  it("frees the slot once a booking is declined or cancelled", async () => {
    const start = weekdayAt(13, 9);
    const { id } = await request(companyA.actor, xrd, start);
    await declineBooking(uni.actor, { bookingId: id, version: 1, reason: "样品不符合要求" });
    const again = await request(companyB.actor, xrd, start);
    await cancelBooking(companyB.actor, { bookingId: again.id, version: 1 });
    expect(await errorKey(request(companyA.actor, xrd, start))).toBe("ok");
  });

  it("refuses slots outside opening hours, at weekends and in maintenance closures", async () => {
    expect(await errorKey(request(companyA.actor, xrd, weekdayAt(14, 7)))).toBe("VALIDATION:instruments.bookingOutsideHours");
    expect(await errorKey(request(companyA.actor, xrd, weekdayAt(14, 17)))).toBe("VALIDATION:instruments.bookingOutsideHours");
    expect(await errorKey(request(companyA.actor, xrd, new Date(Date.now() - 86_400_000)))).toBe("VALIDATION:instruments.bookingInPast");
    const day = weekdayAt(15, 9);
    await prisma.instrumentClosure.create({ data: { instrumentId: xrd, startsAt: day, endsAt: new Date(day.getTime() + 4 * 3_600_000), reason: "年度维护" } });
    expect(await errorKey(request(companyA.actor, xrd, new Date(day.getTime() + 3_600_000)))).toBe("CONFLICT:instruments.bookingInClosure");
    const calendar = await getInstrumentCalendar(null, xrd, day, new Date(day.getTime() + 86_400_000));
    expect(calendar.closures).toHaveLength(1);
  });
});

describe("the booking cycle", () => {
  it("requested -> approved -> completed with hours and fee -> rated, with an event row per move", async () => {
    const { id } = await request(companyA.actor, xrd, weekdayAt(16, 9), 3);
    expect((await booking(id)).fee).toBe(900); // external price 300/h x 3 h
    expect(await errorKey(approveBooking(companyA.actor, { bookingId: id, version: 1 }))).toBe("FORBIDDEN:");
    expect(await errorKey(approveBooking(companyB.actor, { bookingId: id, version: 1 }))).toBe("NOT_FOUND:instruments.bookingNotFound");
    await approveBooking(manager, { bookingId: id, version: 1 });
    expect(await errorKey(approveBooking(manager, { bookingId: id, version: 1 }))).toBe("CONFLICT:instruments.bookingMove");
    expect(await errorKey(recordUse(manager, { bookingId: id, version: 1, hoursUsed: 2.5, fee: 750 }))).toBe("CONFLICT:instruments.bookingVersion");
    await recordUse(manager, { bookingId: id, version: 2, hoursUsed: 2.5, fee: 750 });
    await rateBooking(companyA.actor, { bookingId: id, version: 3, rating: 5, comment: "很专业" });
    const row = await booking(id);
    expect(row).toMatchObject({ status: "RATED", fee: 750, rating: 5, version: 4 });
    expect(Number(row.hoursUsed)).toBe(2.5);
    const events = await prisma.instrumentBookingEvent.findMany({ where: { bookingId: id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.toStatus)).toEqual(["REQUESTED", "APPROVED", "COMPLETED", "RATED"]);
    const notices = await prisma.notification.findMany({ where: { userId: companyA.actor.id, kind: { startsWith: "instrumentBooking." } } });
    expect(notices.map((n) => n.kind)).toEqual(expect.arrayContaining(["instrumentBooking.approved", "instrumentBooking.completed"]));
    const [completed] = await wordNotifications(
      "zh-CN",
      notices.filter((n) => n.kind === "instrumentBooking.completed"),
    );
    expect(completed?.title).toMatch(/X射线衍射仪/);
  });

  it("a proposed slot holds the new time until the booker accepts it", async () => {
    const { id } = await request(companyA.actor, xrd, weekdayAt(17, 9));
    const other = weekdayAt(17, 14);
    await proposeSlot(manager, { bookingId: id, version: 1, startsAt: other, endsAt: new Date(other.getTime() + 7_200_000) });
    expect(await errorKey(request(companyB.actor, xrd, other))).toBe("CONFLICT:instruments.bookingOverlap");
    expect(await errorKey(request(companyB.actor, xrd, weekdayAt(17, 9)))).toBe("ok"); // the old slot is free again
    await acceptProposal(companyA.actor, { bookingId: id, version: 2 });
    expect(await booking(id)).toMatchObject({ status: "APPROVED", startsAt: other });
  });

  it("lets the booker cancel free of charge only until the institution's deadline", async () => {
    const soon = weekdayAt(1, 15);
    const now = new Date(soon.getTime() - 10 * 3_600_000);
    const slot = await prisma.instrumentBooking.create({
      data: {
        instrumentId: xrd,
        bookerId: companyA.actor.id,
        organisationId: companyA.organisationId,
        purpose: "x",
        startsAt: soon,
        endsAt: new Date(soon.getTime() + 3_600_000),
        tier: "EXTERNAL",
      },
    });
    expect(await errorKey(cancelBooking(companyA.actor, { bookingId: slot.id, version: 1 }, now))).toBe("CONFLICT:instruments.bookingCancelTooLate");
    await cancelBooking(manager, { bookingId: slot.id, version: 1, reason: "设备故障" }, now);
    expect((await booking(slot.id)).status).toBe("CANCELLED");
  });

  it("reminds bookers a day ahead and marks approved bookings nobody recorded as no-shows", async () => {
    const start = weekdayAt(20, 10);
    const { id } = await request(companyB.actor, xrd, start, 1);
    await approveBooking(uni.actor, { bookingId: id, version: 1 });
    const before = new Date(start.getTime() - 5 * 3_600_000);
    expect((await sweepInstrumentBookings(prisma, before)).reminded).toBeGreaterThanOrEqual(1);
    expect((await sweepInstrumentBookings(prisma, before)).reminded).toBe(0); // once only
    expect(await prisma.notification.count({ where: { userId: companyB.actor.id, kind: "instrumentBooking.reminder" } })).toBe(1);
    const after = new Date(start.getTime() + 30 * 3_600_000);
    await sweepInstrumentBookings(prisma, after);
    expect(await booking(id)).toMatchObject({ status: "NO_SHOW" });
    const event = await prisma.instrumentBookingEvent.findFirstOrThrow({ where: { bookingId: id, toStatus: "NO_SHOW" } });
    expect(event.actorId).toBeNull();
  });
});

describe("sharing metrics", () => {
  it("match hand-computed figures for an instrument, its institution and the grouping by institution kind", async () => {
    // A fresh institution with one instrument open Mon-Fri 09:00-17:00 (8 h), over one week.
    const inst = await createApiUser("RESEARCHER", { orgName: `计量研究院 ${Date.now()}` });
    const id = await createTestInstrument(inst.actor, {
      name: "三坐标测量机",
      categoryCode: "0301",
      opensAt: "09:00",
      closesAt: "17:00",
      region: `测试区${Date.now()}`,
    });
    const monday = new Date("2027-03-01T00:00:00+08:00");
    const from = monday;
    const to = new Date(monday.getTime() + 7 * 86_400_000);
    const at = (day: number, hour: number) => new Date(monday.getTime() + day * 86_400_000 + hour * 3_600_000);
    const rows = [
      // internal: 6 h used, approved after 2 h, rated 4
      { bookerId: inst.actor.id, organisationId: inst.organisationId, tier: "INTERNAL", s: at(0, 9), h: 6, status: "RATED", approvedAfter: 2, rating: 4 },
      // company A: 3 h used, approved after 10 h, rated 5
      {
        bookerId: companyA.actor.id,
        organisationId: companyA.organisationId,
        tier: "EXTERNAL",
        s: at(1, 9),
        h: 3,
        status: "RATED",
        approvedAfter: 10,
        rating: 5,
      },
      // company B: 1 h used, approved after 24 h
      {
        bookerId: companyB.actor.id,
        organisationId: companyB.organisationId,
        tier: "EXTERNAL",
        s: at(2, 9),
        h: 1,
        status: "COMPLETED",
        approvedAfter: 24,
        rating: null,
      },
      // company A again: approved after 4 h, then a no-show (no hours)
      {
        bookerId: companyA.actor.id,
        organisationId: companyA.organisationId,
        tier: "EXTERNAL",
        s: at(3, 9),
        h: null,
        status: "NO_SHOW",
        approvedAfter: 4,
        rating: null,
      },
    ] as const;
    for (const r of rows) {
      const createdAt = new Date(r.s.getTime() - 48 * 3_600_000);
      await prisma.instrumentBooking.create({
        data: {
          instrumentId: id,
          bookerId: r.bookerId,
          organisationId: r.organisationId,
          purpose: "fixture",
          startsAt: r.s,
          endsAt: new Date(r.s.getTime() + 6 * 3_600_000),
          tier: r.tier,
          status: r.status,
          hoursUsed: r.h === null ? null : new Prisma.Decimal(r.h),
          createdAt,
          approvedAt: new Date(createdAt.getTime() + r.approvedAfter * 3_600_000),
          rating: r.rating,
        },
      });
    }
    await prisma.instrumentClosure.create({ data: { instrumentId: id, startsAt: at(4, 9), endsAt: at(4, 13), reason: "维护" } });
    // available 5 x 8 - 4 = 36 h; used 6 internal + 4 external; rate 0.4; two external organisations;
    // approvals after 2, 10, 24, 4 h -> median 7 h; ratings 4 and 5 -> 4.5.
    const expected = {
      hoursAvailable: 36,
      hoursUsedInternal: 6,
      hoursUsedExternal: 4,
      externalSharingRate: 0.4,
      utilisation: 0.2778,
      externalOrganisationsServed: 2,
      bookings: 4,
      medianHoursToApproval: 7,
      averageRating: 4.5,
      ratings: 2,
    };
    expect(await getInstrumentMetrics(inst.actor, id, { from, to })).toEqual(expected);
    const institution = await getInstitutionMetrics(inst.actor, inst.organisationId, { from, to });
    expect(institution.total).toEqual(expected);
    expect(await errorKey(getInstrumentMetrics(companyA.actor, id, { from, to }))).toBe("NOT_FOUND:");
    const byRegion = await sharingRateBy({ groupBy: "region", from, to });
    expect(byRegion.find((g) => g.key.startsWith("测试区"))).toMatchObject({ instruments: 1, hoursAvailable: 36, externalSharingRate: 0.4 });
    const byKind = await sharingRateBy({ groupBy: "institutionKind", from, to });
    expect(byKind.find((g) => g.key === "UNIVERSITY")).toMatchObject({ hoursUsedExternal: 4, hoursUsedInternal: 6 });
  });
});

describe("search by what one wants to measure", () => {
  const ids = async (q: string, extra: Record<string, unknown> = {}) => {
    const res = await searchInstruments(null, { q, page: 1, ...extra } as never);
    if (!res.ok) throw new Error("search unavailable");
    return res.items.map((i) => i.name);
  };
  it("finds the X-ray diffractometer for 测材料的晶体结构 and for 'crystal structure of a material'", async () => {
    expect((await ids("测材料的晶体结构"))[0]).toBe("X射线衍射仪");
    expect((await ids("crystal structure of a material"))[0]).toBe("X射线衍射仪");
    expect(await ids("表面形貌")).toContain("场发射扫描电子显微镜");
    expect(await ids("D8 Advance")).toContain("X射线衍射仪");
  });
  it("filters by category, region, price and free time in a date range", async () => {
    expect(await ids("", { category: "13" })).toEqual(["高性能计算集群"]);
    expect(await ids("", { region: "广州" })).toEqual(["高性能计算集群"]);
    expect(await ids("", { maxPrice: 60 })).toEqual(["高性能计算集群"]);
    // A day on which the SEM is fully booked (09:00-18:00 in two bookings) is not available for it.
    const semId = (await prisma.instrument.findFirstOrThrow({ where: { name: "场发射扫描电子显微镜" } })).id;
    const day = weekdayAt(25, 9);
    await request(companyA.actor, semId, day, 5);
    await request(companyA.actor, semId, new Date(day.getTime() + 5 * 3_600_000), 4);
    const range = { availableFrom: new Date(day.getTime() - 3_600_000), availableTo: new Date(day.getTime() + 10 * 3_600_000) };
    expect(await ids("", range)).not.toContain("场发射扫描电子显微镜");
    expect(await ids("", range)).toContain("X射线衍射仪");
  });
});

describe("bulk import", () => {
  const header = "externalId,name,nameEn,categoryCode,maker,model,region,services,priceUnit,priceInternal,pricePartner,priceExternal,openDays,opensAt,closesAt";
  it("imports 20 rows from CSV, reports the bad one with its row and column, and updates on re-import", async () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) => `IMP-${i + 1},激光粒度分析仪 ${i + 1},Laser particle sizer,颗粒度测量仪器,Malvern,MS3000,深圳,送样,SAMPLE,50,80,120,"1,2,3,4,5",09:00,17:00`,
    );
    const bad = `IMP-BAD,坏行,,9999,,,,OPERATOR,HOUR,1,1,1,,09:00,17:00`;
    const csv = [header, ...rows, bad].join("\r\n");
    const file = { name: "instruments.csv", bytes: new TextEncoder().encode(csv) };
    const dry = await importInstrumentsFile(uni.actor, file, "validate", "zh-CN");
    expect(dry).toMatchObject({ written: false, report: { totalRows: 21, validRows: 20, badRows: [22] } });
    expect(dry.report.problems[0]).toMatchObject({ row: 22, column: "categoryCode", problem: "未知的仪器分类" });
    expect((await importInstrumentsFile(uni.actor, file, "all-or-nothing", "zh-CN")).written).toBe(false);
    const done = await importInstrumentsFile(uni.actor, file, "valid-only", "en");
    expect(done).toMatchObject({ written: true, created: 20, updated: 0 });
    expect((await importInstrumentsFile(uni.actor, file, "valid-only", "en")).updated).toBe(20);
    const one = await prisma.instrument.findFirstOrThrow({ where: { organisationId: uni.organisationId, externalId: "IMP-1" } });
    expect(one).toMatchObject({ categoryCode: "0205", services: ["OPERATOR"], priceUnit: "SAMPLE", priceExternal: 120, managerId: uni.actor.id });
    await runJobs(["index-instruments"]);
    expect(await ids("粒径分布")).toContain("激光粒度分析仪 1");
  });
  it("refuses what is not a spreadsheet", async () => {
    const e = await importInstrumentsFile(uni.actor, { name: "x.xlsx", bytes: new TextEncoder().encode("not a workbook") }, "validate", "en").catch(
      (x: AppError) => x,
    );
    expect(e).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", key: "instruments.import.notXlsx" });
  });
});

async function ids(q: string) {
  const res = await searchInstruments(null, { q, page: 1 } as never);
  return res.ok ? res.items.map((i) => i.name) : [];
}
