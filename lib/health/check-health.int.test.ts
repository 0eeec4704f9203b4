import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getFreePort } from "@/scripts/services/util";
import { checkHealth } from "./check-health";
import { GET } from "@/app/api/health/route";

afterAll(() => prisma.$disconnect());

describe("/api/health", () => {
  it("is 200 with database, Meilisearch and queue figures when all answer", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: { ok: true }, meilisearch: { ok: true }, queue: { ok: true } });
    expect(body.queue).toHaveProperty("depth");
    expect(body.queue).toHaveProperty("oldestJobAgeSeconds");
    expect(body.queue).toHaveProperty("deadLetters");
  });

  it("is 503 naming Meilisearch when it does not answer", async () => {
    const saved = process.env.MEILI_URL;
    process.env.MEILI_URL = `http://127.0.0.1:${await getFreePort()}`;
    try {
      const report = await checkHealth();
      expect(report.status).toBe("degraded");
      expect(report.meilisearch.ok).toBe(false);
      expect(report.database.ok).toBe(true);
      const res = await GET();
      expect(res.status).toBe(503);
    } finally {
      process.env.MEILI_URL = saved;
    }
  });
});
