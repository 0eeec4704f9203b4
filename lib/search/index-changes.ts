import "server-only";
import pg from "pg";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";

// Index changes are announced over PostgreSQL LISTEN/NOTIFY: every web instance connected to the
// database hears them, with no other shared service and no per-request round trip.
export const INDEX_CHANGED_CHANNEL = "techbridge_search_index_changed";

/**
 * Tells every listening web process that the live search indexes changed (after the writes'
 * Meilisearch tasks succeeded), so they drop cached search answers. Best effort: a lost
 * announcement only leaves answers cached until their TTL, so a failure is logged, not thrown
 * (the index write it follows has already succeeded).
 */
export async function announceIndexChanged(): Promise<void> {
  try {
    await prisma.$executeRawUnsafe(`SELECT pg_notify('${INDEX_CHANGED_CHANNEL}', '')`);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "could not announce a search index change");
  }
}

type Listener = { onChange: () => void; onLive: (live: boolean) => void };

/**
 * Keeps one connection LISTENing for index changes and reconnects (1 s, doubling to 30 s) when
 * it is lost. `onLive(false)` is called whenever the process may be missing announcements.
 * The connection and timers do not keep the process alive.
 */
export function listenForIndexChanges(listener: Listener, connectionString = process.env.DATABASE_URL): { stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 1_000;
  let timer: NodeJS.Timeout | undefined;

  // Forgets the current connection and closes it; its late errors are ignored.
  const detach = () => {
    const old = client;
    client = null;
    old?.removeAllListeners();
    old?.on("error", () => undefined);
    return old?.end().catch(() => undefined);
  };

  const lost = (reason: string) => {
    listener.onLive(false);
    void detach();
    if (stopped) return;
    logger.warn({ reason, retryInMs: delay }, "search index change listener lost; search answers are not cached until it is back");
    timer = setTimeout(connect, delay);
    timer.unref();
    delay = Math.min(30_000, delay * 2);
  };

  const connect = async () => {
    if (stopped || !connectionString) return;
    const c = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = c;
    c.on("error", (e) => lost(e.message));
    c.on("end", () => client === c && lost("connection ended"));
    c.on("notification", (n) => n.channel === INDEX_CHANGED_CHANNEL && listener.onChange());
    try {
      await c.connect();
      await c.query(`LISTEN ${INDEX_CHANGED_CHANNEL}`);
      // A socket that only listens must not hold the process open (scripts, tests).
      (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      if (client !== c || stopped) return void (await c.end().catch(() => undefined));
      delay = 1_000;
      listener.onLive(true);
    } catch (e) {
      if (client === c) lost(e instanceof Error ? e.message : String(e));
    }
  };

  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      listener.onLive(false);
      await detach();
    },
  };
}
