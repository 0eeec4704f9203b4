import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing, type Locale } from "./routing";

// Messages live in one file per namespace (messages/<locale>/<namespace>.json) so that features
// add their own files instead of all editing one big one.
const cache = new Map<Locale, Record<string, unknown>>();

async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(process.cwd(), "messages", locale);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json"));
  const entries = await Promise.all(files.map(async (f) => [f.slice(0, -5), JSON.parse(await readFile(path.join(dir, f), "utf8"))] as const));
  const messages = Object.fromEntries(entries);
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Shanghai" };
});
