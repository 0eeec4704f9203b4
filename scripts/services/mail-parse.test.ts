import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { decodeHeaderValue, parseAddressList, parseMail } from "./mail-parse";

async function compose(message: nodemailer.SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail(message);
  return info.message as Buffer;
}

describe("parseMail", () => {
  it("reads a nodemailer text+html message with a Chinese subject and quoted-printable bodies", async () => {
    const link = "http://localhost:3000/api/auth/callback/email?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fzh-CN&token=abc123&email=li%40example.cn";
    const raw = await compose({
      from: '"技术桥 TechBridge" <noreply@techbridge.local>',
      to: "Li Lei <Li@Example.cn>, wang@example.cn",
      cc: '"Zhang, San" <zhang@example.cn>',
      subject: "登录技术桥 — 您的登录链接",
      text: `您好！\n请点击链接登录：${link}\n${"长".repeat(200)}`,
      html: `<p>您好！</p><p><a href="${link}">登录</a></p>`,
    });
    const mail = parseMail(raw);
    expect(mail.subject).toBe("登录技术桥 — 您的登录链接");
    expect(mail.from).toBe("技术桥 TechBridge <noreply@techbridge.local>");
    expect(mail.to).toEqual(["li@example.cn", "wang@example.cn"]);
    expect(mail.cc).toEqual(["zhang@example.cn"]);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("长".repeat(200));
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(mail.attachments).toEqual([]);
  });

  it("decodes base64 bodies and lists attachments", async () => {
    const raw = await compose({
      from: "a@example.cn",
      to: "b@example.cn",
      subject: "plain ascii",
      text: "第一行\n第二行",
      textEncoding: "base64",
      attachments: [{ filename: "报告.pdf", content: Buffer.alloc(1000, 1), contentType: "application/pdf" }],
    });
    const mail = parseMail(raw);
    expect(mail.subject).toBe("plain ascii");
    expect(mail.text).toBe("第一行\n第二行");
    expect(mail.html).toBeUndefined();
    expect(mail.attachments).toEqual([{ filename: "报告.pdf", contentType: "application/pdf", size: 1000 }]);
  });

  it("handles a bare single-part message", () => {
    const mail = parseMail("From: x@y.z\r\nTo: <q@y.z>\r\nSubject: hi\r\n there\r\n\r\nbody line\r\n");
    expect(mail.subject).toBe("hi there");
    expect(mail.to).toEqual(["q@y.z"]);
    expect(mail.text).toBe("body line\r\n");
  });
});

describe("header helpers", () => {
  it("joins adjacent encoded words, including a character split across them", () => {
    const bytes = Buffer.from("技术", "utf8"); // 6 bytes
    const a = bytes.subarray(0, 4).toString("base64");
    const b = bytes.subarray(4).toString("base64");
    expect(decodeHeaderValue(`=?UTF-8?B?${a}?= =?UTF-8?B?${b}?= ok`)).toBe("技术 ok");
    expect(decodeHeaderValue("=?utf-8?Q?caf=C3=A9_au_lait?=")).toBe("café au lait");
  });

  it("extracts addresses from lists with quoted names", () => {
    expect(parseAddressList('"Doe, John" <J@X.org>, y@z.org (comment, here)')).toEqual(["j@x.org", "y@z.org"]);
  });
});
