import "server-only";
import { authorize, type MaybeActor } from "@/lib/policy";

export type OutboxMessage = { id: string; to: string[]; from: string; subject: string; text: string; date: string };
type SinkMessage = { id: string; to: string[]; from: string; subject: string; text?: string; receivedAt: string };

// Dev/test only: the local mail sink's messages. Production has no MAIL_SINK_URL.
export async function readOutbox(actor: MaybeActor): Promise<OutboxMessage[] | null> {
  authorize(actor, "admin.outbox");
  const base = process.env.MAIL_SINK_URL;
  if (!base) return null;
  const res = await fetch(new URL("/messages", base), { cache: "no-store" });
  if (!res.ok) return [];
  const body = (await res.json()) as SinkMessage[];
  return body.map((m) => ({ id: m.id, to: m.to, from: m.from, subject: m.subject, text: m.text ?? "", date: m.receivedAt }));
}
