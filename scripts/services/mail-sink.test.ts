import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailSink, type MailSinkHandle, type SinkMessage } from "./mail-sink";

describe("mail sink", () => {
  let sink: MailSinkHandle;
  beforeAll(async () => {
    sink = await startMailSink();
  });
  afterAll(async () => {
    await sink.stop();
  });

  const send = (to: string, subject: string) =>
    nodemailer
      .createTransport({ url: sink.smtpUrl, secure: false, ignoreTLS: true } as never)
      .sendMail({ from: "TechBridge <noreply@techbridge.local>", to, subject, text: `hello ${to}`, html: `<b>hello</b>` });

  it("accepts mail over SMTP and serves it newest first, filtered by recipient", async () => {
    await send("a@example.cn", "first");
    await send("B@example.cn", "second");
    await send("a@example.cn", "third");

    const all = (await (await fetch(`${sink.url}/messages`)).json()) as SinkMessage[];
    expect(all.map((m) => m.subject)).toEqual(["third", "second", "first"]);

    const forA = (await (await fetch(`${sink.url}/messages?to=A@example.cn`)).json()) as SinkMessage[];
    expect(forA.map((m) => m.subject)).toEqual(["third", "first"]);
    expect(forA[0]).toMatchObject({
      to: ["a@example.cn"],
      envelope: { from: "noreply@techbridge.local", to: ["a@example.cn"] },
      text: "hello a@example.cn",
      html: "<b>hello</b>",
    });

    const one = await fetch(`${sink.url}/messages/${forA[0]!.id}`);
    expect((await one.json()).subject).toBe("third");
    const raw = await fetch(`${sink.url}/messages/${forA[0]!.id}/raw`);
    expect(await raw.text()).toContain("Subject: third");
  });

  it("deletes one recipient's messages or all of them", async () => {
    await fetch(`${sink.url}/messages?to=b@example.cn`, { method: "DELETE" });
    expect(sink.messages().map((m) => m.subject)).toEqual(["third", "first"]);
    const res = await fetch(`${sink.url}/messages`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(sink.messages()).toEqual([]);
  });
});
