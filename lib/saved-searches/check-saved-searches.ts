import "server-only";
import { ALERT_CONFIG } from "@/lib/alerts/config";
import { recipientCanAct, recipientSelect } from "@/lib/alerts/recipients";
import { prisma } from "@/lib/db";
import { createNotifications, type NewNotification } from "@/lib/notifications/create-notifications";
import { savedSearchNotice } from "@/lib/notifications/notices";
import { SearchUnavailableError } from "@/lib/search/client";
import { searchCatalog } from "@/lib/search/search";

const BATCH = 200;

/**
 * Job "check-saved-searches" (queued, debounced, after any need or result is indexed): runs each
 * saved search as its owner (so hits are only what the owner may see) sorted newest first, and
 * notifies the owner of hits published after the search was saved. The dedupe key (search, hit)
 * makes each hit announced once however often this runs.
 */
export async function checkSavedSearches(now = new Date()): Promise<{ checked: number; notified: number }> {
  let checked = 0;
  let notified = 0;
  let cursor: string | undefined;
  for (;;) {
    const searches = await prisma.savedSearch.findMany({
      take: BATCH,
      orderBy: { id: "asc" },
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { user: { select: recipientSelect } },
    });
    if (searches.length === 0) break;
    cursor = searches[searches.length - 1]!.id;
    const items: NewNotification[] = [];
    for (const s of searches) {
      // A revoked or lapsed staff role no longer searches the broker index for anyone.
      if (!recipientCanAct(s.user, now)) continue;
      const type = s.type === "needs" ? "needs" : "results";
      const res = await searchCatalog({ q: s.q, type, viewer: s.user, sort: "newest", limit: ALERT_CONFIG.savedSearchHits });
      if (!res.ok) {
        if (res.reason === "unavailable") throw new SearchUnavailableError();
        continue;
      }
      checked++;
      const since = s.createdAt.getTime();
      for (const hit of res.hits) {
        if (hit.publishedAt === null || hit.publishedAt <= since) continue;
        items.push({ ...savedSearchNotice(s, hit), userId: s.userId });
      }
    }
    notified += (await createNotifications(items)).length;
    await prisma.savedSearch.updateMany({ where: { id: { in: searches.map((s) => s.id) } }, data: { lastCheckedAt: now } });
  }
  return { checked, notified };
}
