// Reads what the app sent from the mail sink started by scripts/e2e-server.ts (MAIL_SINK_URL,
// set in playwright.config.ts). Waits with expect.poll: no sleeps.
import { expect } from "@playwright/test";

export type SinkMessage = {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  cc: string[];
  envelope: { from: string | null; to: string[] };
  subject: string;
  text?: string;
  html?: string;
};

function sinkUrl(): string {
  const url = process.env.MAIL_SINK_URL;
  if (!url) throw new Error("MAIL_SINK_URL is not set (playwright.config.ts sets it)");
  return url;
}

/** Messages for `to`, newest first. */
export async function messagesFor(to: string): Promise<SinkMessage[]> {
  const res = await fetch(`${sinkUrl()}/messages?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`mail sink answered ${res.status}`);
  return (await res.json()) as SinkMessage[];
}

/** Forgets the messages for `to` (or all of them), e.g. before requesting a new magic link. */
export async function clearMessages(to?: string): Promise<void> {
  const query = to ? `?to=${encodeURIComponent(to)}` : "";
  await fetch(`${sinkUrl()}/messages${query}`, { method: "DELETE" });
}

/**
 * Waits until a message for `to` satisfies `match` (default: any), and returns the newest such.
 * `after` ignores messages received before that moment (e.g. the time the test clicked "send").
 */
export async function waitForMessage(to: string, options: { match?: (m: SinkMessage) => boolean; after?: Date; timeout?: number } = {}): Promise<SinkMessage> {
  const { match = () => true, after, timeout = 20_000 } = options;
  let found: SinkMessage | undefined;
  await expect
    .poll(
      async () => {
        const messages = await messagesFor(to);
        found = messages.find((m) => (!after || new Date(m.receivedAt) >= after) && match(m));
        return found !== undefined;
      },
      { message: `an email to ${to}`, timeout, intervals: [100, 250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

/** Every http(s) link in the message (plain-text part first, then html hrefs), `&amp;` decoded. */
export function linksIn(message: SinkMessage): string[] {
  const links = new Set<string>();
  for (const m of (message.text ?? "").matchAll(/https?:\/\/[^\s<>"')\]]+/g)) links.add(m[0]);
  for (const m of (message.html ?? "").matchAll(/href="(https?:\/\/[^"]+)"/g)) links.add(m[1]!.replaceAll("&amp;", "&"));
  return [...links];
}

/** Waits for the email to `to` and returns its first link whose URL contains `contains`. */
export async function waitForLink(to: string, contains = "/api/auth/callback/", options: { after?: Date; timeout?: number } = {}): Promise<string> {
  const message = await waitForMessage(to, { ...options, match: (m) => linksIn(m).some((l) => l.includes(contains)) });
  return linksIn(message).find((l) => l.includes(contains))!;
}

/** Every message in the sink (all recipients), newest first. */
export async function allMessages(): Promise<SinkMessage[]> {
  const res = await fetch(`${sinkUrl()}/messages`);
  if (!res.ok) throw new Error(`mail sink answered ${res.status}`);
  return (await res.json()) as SinkMessage[];
}

/** The message as sent (.eml: headers and encoded parts). */
export async function rawMessage(id: string): Promise<string> {
  const res = await fetch(`${sinkUrl()}/messages/${encodeURIComponent(id)}/raw`);
  if (!res.ok) throw new Error(`mail sink answered ${res.status}`);
  return res.text();
}
