// The integration harness itself: every service tests/global-setup.ts promises is up and wired.
import nodemailer from "nodemailer";
import pg from "pg";
import { describe, expect, it } from "vitest";

describe("integration harness", () => {
  it("provides a migrated throwaway database with graphile-worker's schema", async () => {
    const url = process.env.DATABASE_URL!;
    expect(new URL(url).pathname).toMatch(/^\/tb_test_[a-z0-9]+_[a-z0-9]{6}$/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const migrations = await client.query("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
      expect(migrations.rows[0].n).toBeGreaterThan(0);
      const worker = await client.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'graphile_worker'");
      expect(worker.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("provides a Meilisearch that accepts the master key and a unique index prefix", async () => {
    expect(process.env.MEILI_INDEX_PREFIX).toMatch(/^t[a-z0-9]{8}_$/);
    const health = await fetch(`${process.env.MEILI_URL}/health`);
    expect(health.status).toBe(200);
    const keys = await fetch(`${process.env.MEILI_URL}/keys`, { headers: { Authorization: `Bearer ${process.env.MEILI_MASTER_KEY}` } });
    expect(keys.status).toBe(200);
    const anonymous = await fetch(`${process.env.MEILI_URL}/keys`);
    expect(anonymous.status).toBe(401);
  });

  it("provides a mail sink reachable through SMTP_URL and MAIL_SINK_URL", async () => {
    const to = `harness-${Date.now()}@example.cn`;
    await nodemailer
      .createTransport({ url: process.env.SMTP_URL, secure: false, ignoreTLS: true } as never)
      .sendMail({ from: process.env.MAIL_FROM, to, subject: "测试邮件", text: "ok" });
    const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(to)}`);
    const messages = (await res.json()) as Array<{ subject: string }>;
    expect(messages.map((m) => m.subject)).toEqual(["测试邮件"]);
  });

  it("sets the auth env lib/env validates", () => {
    expect(process.env.NEXTAUTH_URL).toMatch(/^http:\/\//);
    expect(process.env.NEXTAUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
  });
});
