import { getCurrentActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translator";
import { keyListPdf, keyListXlsx, type KeyListWords } from "@/lib/monitor/export-key-list";
import { getKeyList } from "@/lib/monitor/key-project-list";
import { toLocale } from "@/i18n/locale";

// GET /<locale>/monitor/lists/<id>/export?format=xlsx|pdf: the owner's key project list as a file.
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: raw, id } = await params;
  const locale = toLocale(raw);
  const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "xlsx";
  const actor = await getCurrentActor();
  if (!actor) return new Response(null, { status: 401 });
  try {
    const list = await getKeyList(actor, id);
    const t = await translatorFor(locale);
    const words: KeyListWords = {
      chain: t("monitor.chain"),
      node: t("monitor.node"),
      scoreAtAdd: t("monitor.scoreAtAdd"),
      scoreNow: t("monitor.scoreNowShort"),
      annotation: t("monitor.annotation"),
      needs: t("monitor.needs"),
      exportedAt: t("monitor.exportedAt"),
      challengeDraft: t("monitor.challengeDraft"),
    };
    const body = format === "pdf" ? await keyListPdf(list, words, locale) : await keyListXlsx(list, words, locale);
    const filename = `key-projects-${list.id}.${format}`;
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(`${list.title}.${format}`)}`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (isAppError(e)) return new Response(null, { status: e.status });
    throw e;
  }
}
