// Research results follow the needs' freshness rule (issue 14): confirmed every 90 days, reminded
// 14 and 3 days before, expired (out of the catalogue) after, published again by confirming.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiUser, resultBody, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { wordNotifications } from "@/lib/notifications/word-notification";
import { seedTaxonomy } from "@/scripts/seed";
import { createResult } from "./create-result";
import { expireOverdueResults } from "./expire-results";
import { getResult } from "./get-result";
import { createResultSchema } from "./schemas";
import { setResultPublished } from "./withdraw-result";

const DAY = 86_400_000;
let researcher: ApiUser;
let company: ApiUser;

beforeAll(async () => {
  await seedTaxonomy(prisma as never);
  researcher = await createApiUser("RESEARCHER");
  company = await createApiUser("COMPANY");
  await prisma.user.update({ where: { id: researcher.actor.id }, data: { locale: "en" } });
});

const publish = async (title: string) => (await createResult(researcher.actor, createResultSchema.parse(resultBody({ title })))).id;
// Worded as the (English) owner reads them: rows store a key and params.
const notices = async (resultId: string) =>
  wordNotifications(
    "en",
    await prisma.notification.findMany({ where: { userId: researcher.actor.id, link: `/results/${resultId}#reconfirm` }, orderBy: { createdAt: "asc" } }),
  );

describe("result freshness", () => {
  it("gives every new result a date 90 days ahead, shown to its owner only", async () => {
    const id = await publish("Solid-state electrolyte membrane for pouch cells");
    const row = await prisma.result.findUniqueOrThrow({ where: { id } });
    expect(row.reconfirmBy!.getTime()).toBeGreaterThan(Date.now() + 89 * DAY);
    expect((await getResult(researcher.actor, id)).reconfirmBy).toBe(row.reconfirmBy!.toISOString());
    expect((await getResult(company.actor, id)).reconfirmBy).toBeNull();
  });

  it("reminds the owner in their language 14 and 3 days before, once each, then expires the result and says so", async () => {
    const id = await publish("Laser cleaning of battery tabs");
    const by = (await prisma.result.findUniqueOrThrow({ where: { id } })).reconfirmBy!;
    const at = (daysBefore: number) => new Date(by.getTime() - daysBefore * DAY);

    await expireOverdueResults(prisma, at(20));
    expect(await notices(id)).toEqual([]);
    await expireOverdueResults(prisma, at(13.5));
    await expireOverdueResults(prisma, at(13)); // the hourly sweep again: nothing new
    await expireOverdueResults(prisma, at(2.5));
    expect((await notices(id)).map((n) => [n.kind, n.title])).toEqual([
      ["result.reconfirm", "Confirm within 14 days that “Laser cleaning of battery tabs” is still available"],
      ["result.reconfirm", "Confirm within 3 days that “Laser cleaning of battery tabs” is still available"],
    ]);

    await expireOverdueResults(prisma, new Date(by.getTime() + 60_000));
    expect((await prisma.result.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
    expect((await notices(id)).at(-1)).toMatchObject({ kind: "result.expired", title: "Your result “Laser cleaning of battery tabs” has expired" });
    // Out of the catalogue: another organisation no longer finds it.
    await expect(getResult(company.actor, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload::text LIKE ${`%${id}%`}`;
    expect(jobs[0]!.n).toBeGreaterThan(0);

    // Confirming publishes it again for another 90 days and starts the reminders afresh.
    await setResultPublished(researcher.actor, id, true);
    const revived = await prisma.result.findUniqueOrThrow({ where: { id } });
    expect(revived.status).toBe("PUBLISHED");
    expect(revived.reconfirmBy!.getTime()).toBeGreaterThan(Date.now() + 89 * DAY);
    expect((await getResult(company.actor, id)).status).toBe("PUBLISHED");
  });

  it("leaves a withdrawn result alone", async () => {
    const id = await publish("Withdrawn thermal interface material");
    await setResultPublished(researcher.actor, id, false);
    const by = (await prisma.result.findUniqueOrThrow({ where: { id } })).reconfirmBy!;
    await expireOverdueResults(prisma, new Date(by.getTime() + DAY));
    expect((await prisma.result.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    expect(await notices(id)).toEqual([]);
  });
});
