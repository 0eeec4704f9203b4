// Fixtures for shared-instrument tests: institutions, members and instruments written through the
// services (so their index jobs are queued like in production).
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { createInstrument } from "@/lib/instruments/instruments";
import { instrumentSchema } from "@/lib/instruments/schemas";
import { createApiUser, type ApiUser } from "./api-test-kit";

let n = 0;
const unique = () => `${process.pid}-${Date.now().toString(36)}-${++n}`;

/** Another member of `of`'s organisation (not its admin), with an API token-less actor. */
export async function addMember(of: ApiUser, role: "RESEARCHER" | "COMPANY" = "RESEARCHER"): Promise<Actor> {
  const u = await prisma.user.create({
    data: { email: `member-${unique()}@example.cn`, role, organisationId: of.organisationId, isOrgAdmin: false, name: "成员" },
    select: { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true },
  });
  return { ...u, brokerPortfolio: null };
}

/** A weekday 09:00 (China time) `days` ahead of `from`, skipping weekends. */
export function weekdayAt(days: number, hour: number, from = new Date()): Date {
  const d = new Date(from.getTime() + days * 86_400_000);
  for (;;) {
    const china = new Date(d.getTime() + 8 * 3_600_000);
    const dow = china.getUTCDay();
    if (dow !== 0 && dow !== 6) break;
    d.setTime(d.getTime() + 86_400_000);
  }
  const china = new Date(d.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), hour - 8, 0, 0));
}

export async function createTestInstrument(manager: Actor, fields: Record<string, unknown> = {}): Promise<string> {
  const input = instrumentSchema.parse({
    name: "X射线衍射仪",
    nameEn: "X-ray diffractometer",
    categoryCode: "0103",
    maker: "Bruker",
    model: "D8 Advance",
    region: "深圳",
    services: ["OPERATOR", "SELF_OPERATED"],
    priceUnit: "HOUR",
    priceInternal: 100,
    pricePartner: 200,
    priceExternal: 300,
    openDays: [1, 2, 3, 4, 5],
    opensAt: "09:00",
    closesAt: "18:00",
    freeCancelHours: 24,
    ...fields,
  });
  return (await createInstrument(manager, input)).id;
}

export { createApiUser };

/** The `n`-th weekday (0-based) from `daysAhead` days ahead, at `hour` China time: distinct days for distinct n. */
export function nthWeekday(n: number, hour: number, daysAhead = 2, from = new Date()): Date {
  let d = weekdayAt(daysAhead, hour, from);
  for (let i = 0; i < n; i++) d = weekdayAt(1, hour, d);
  return d;
}
