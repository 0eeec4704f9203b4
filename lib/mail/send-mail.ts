import "server-only";
import { Readable } from "node:stream";
import nodemailer, { type Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
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
      // A mail server that hangs fails the send (and its job, which retries) instead of holding it.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
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

/** The message was claimed by another sender (see sendMailAtMostOnce). */
class ClaimedElsewhere extends Error {
  constructor() {
    super("claimed by another sender: this copy is abandoned before the server accepts it");
  }
}

/**
 * Sends `mail` at most once, even when the sender is killed at any moment and its job retried.
 *
 * An SMTP server accepts a message only at the final "." of the DATA phase. So the whole message
 * is handed to the server with that "." held back; then `claim()` durably records the mail as sent
 * (e.g. a conditional UPDATE ... SET emailedAt WHERE emailedAt IS NULL) and only if it returns true
 * is the "." sent. Killed before the claim commits: the connection drops mid-message, the server
 * discards it, and the retry sends it. Killed after: the mail counts as sent, and it is (unless the
 * process dies in the microseconds between the commit and the "." reaching the socket: then it is
 * lost, never doubled). A claim that returns false (another run claimed it) abandons the message.
 * If the server refuses the message after the claim, `release()` undoes the claim and the error is
 * rethrown (the job retries).
 */
export async function sendMailAtMostOnce(
  mail: OutgoingMail,
  claim: () => Promise<boolean>,
  release: () => Promise<void>,
): Promise<"sent" | "claimed-elsewhere"> {
  const composed = new MailComposer({ from: env.MAIL_FROM, ...mail }).compile();
  const envelope = composed.getEnvelope();
  const raw = await composed.build();
  let handedOver = false;
  let claimed = false;
  let elsewhere = false;
  // highWaterMark 0: read() is called again only once the SMTP client took the message and wants
  // more, i.e. once it is in the DATA phase with every byte but the final "." handed over.
  const body = new Readable({
    highWaterMark: 0,
    read() {
      if (!handedOver) {
        handedOver = true;
        this.push(raw);
        return;
      }
      claim().then(
        (won) => {
          if (won) {
            claimed = true;
            this.push(null);
          } else {
            elsewhere = true;
            this.destroy(new ClaimedElsewhere());
          }
        },
        (err: unknown) => this.destroy(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  try {
    await getTransporter().sendMail({ envelope, raw: body });
  } catch (err) {
    if (elsewhere) return "claimed-elsewhere";
    if (claimed) {
      await release().catch((releaseErr: unknown) =>
        logger.error({ err: releaseErr, to: mail.to }, "could not release the claim of a mail the server refused: it will not be retried"),
      );
    }
    throw err;
  }
  logger.info({ to: mail.to, subject: mail.subject }, "mail sent");
  return "sent";
}
