import "server-only";
import type { Locale } from "@/i18n/routing";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translatorFor, type Translate } from "@/lib/i18n/translator";
import type { NotificationParams } from "./notify";

export type NotificationText = { title: string; body: string };
/** What a stored notification row holds to be worded: its kind (the key) and params, or legacy text. */
export type StoredNotification = { kind: string; params: Prisma.JsonValue | null; title: string | null; body: string | null };

/** The select that `wordNotifications` needs. */
export const notificationTextSelect = { kind: true, params: true, title: true, body: true } as const;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function wordOne(t: Translate & { has: (key: string) => boolean }, n: StoredNotification): NotificationText {
  if (n.params === null || !t.has(`notificationTexts.${n.kind}.title`)) return { title: n.title ?? n.kind, body: n.body ?? "" };
  const params = n.params as NotificationParams;
  return { title: clip(t(`notificationTexts.${n.kind}.title`, params), 200), body: t(`notificationTexts.${n.kind}.body`, params) };
}

/**
 * Notifications in the reader's language, chosen when they are read (the page, the bell, mail):
 * a row keeps its key and params. Rows written before keys keep their stored text.
 */
export async function wordNotifications<N extends StoredNotification>(locale: Locale, rows: readonly N[]): Promise<(N & NotificationText)[]> {
  const t = await translatorFor(locale);
  return rows.map((n) => ({ ...n, ...wordOne(t, n) }));
}

/** One notification kind with its params in a language (tests, previews). */
export async function wordNotification(kind: string, params: NotificationParams, locale: Locale): Promise<NotificationText> {
  return wordOne(await translatorFor(locale), { kind, params, title: null, body: null });
}
