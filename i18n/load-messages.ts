import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Locale } from "./routing";

// Messages live in one file per namespace (messages/<locale>/<namespace>.json) so that features
// add their own files instead of all editing one big one. Used by the request config and by
// code that words text outside a request (the worker's mails and notifications).
const cache = new Map<Locale, Record<string, unknown>>();

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(process.cwd(), "messages", locale);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json"));
  const entries = await Promise.all(files.map(async (f) => [f.slice(0, -5), JSON.parse(await readFile(path.join(dir, f), "utf8"))] as const));
  const messages = Object.fromEntries(entries);
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}
