import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

let transporter: Transporter | undefined;

function getTransporter(): Transporter {
  if (!transporter) {
    const url = new URL(env.SMTP_URL);
    transporter = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === "smtps:" ? 465 : 587)),
      secure: url.protocol === "smtps:",
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    });
  }
  return transporter;
}

// messageId: a stable Message-ID lets mailboxes recognise a message resent after a crash.
export type OutgoingMail = { to: string; subject: string; text: string; html?: string; messageId?: string };

export async function sendMail(mail: OutgoingMail): Promise<void> {
  await getTransporter().sendMail({ from: env.MAIL_FROM, ...mail });
  // Never log bodies: they may carry confidential text or sign-in links.
  logger.info({ to: mail.to, subject: mail.subject }, "mail sent");
}
