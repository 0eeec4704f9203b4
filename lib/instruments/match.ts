import "server-only";
import { prisma } from "@/lib/db";
import { can, type MaybeActor } from "@/lib/policy";
import { findNeedRow } from "@/lib/needs/get-need";
import { searchCatalog, type CatalogHit } from "@/lib/search/search";
import { getMeili, isUnavailableError } from "@/lib/search/client";
import { categoryOf, kindTerms } from "./categories";
import { instrumentFacts, instrumentInclude, loadInstrumentFor, presentInstrument, type InstrumentView } from "./instruments";
import { instrumentsIndexUid } from "./search-index";

// Needs <-> instruments, plugged in through search only (lib/matching is being restructured by
// helper "matching"; this does not touch it): a need's title (and keywords when the viewer may
// read it in full) is searched in the instruments index; an instrument's category and
// capability words are searched in the needs catalogue with the viewer's own rights (searchCatalog
// applies the confidentiality rules and hides what the viewer may not see).

/** Instruments that could help with a need the actor may see ("instruments that could help"). */
export async function instrumentsForNeed(actor: MaybeActor, needId: string, limit = 5): Promise<InstrumentView[]> {
  if (!actor) return [];
  // The need page's own read of the need (same scope, once per render: lib/needs/get-need.ts).
  const need = await findNeedRow(actor, needId);
  if (!need) return [];
  const full = actor.organisationId === need.organisationId || actor.role === "ADMIN";
  const q = [need.title, ...(full ? need.keywords : [])].join(" ").slice(0, 200);
  try {
    const res = await getMeili()
      .index(instrumentsIndexUid())
      .search(q, { limit, attributesToRetrieve: ["id"], matchingStrategy: "frequency" });
    const ids = (res.hits as { id: string }[]).map((h) => h.id);
    const rows = await prisma.instrument.findMany({ where: { id: { in: ids }, status: "ACTIVE" }, include: instrumentInclude });
    const byId = new Map(rows.filter((r) => can(actor, "instrument.read", instrumentFacts(r))).map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is NonNullable<typeof r> => !!r)
      .map((r) => presentInstrument(actor, r));
  } catch (error) {
    if (isUnavailableError(error)) return [];
    throw error;
  }
}

/**
 * Needs an instrument could serve, as the viewer may see them in the catalogue. The query is what
 * the instrument is (its kind, "X射线衍射") and what its lister says it measures, not its full
 * name (a lab's prefixes and model words match no need); the name only when neither is known.
 */
export async function needsForInstrument(actor: MaybeActor, instrumentId: string, limit = 5): Promise<CatalogHit[]> {
  const instrument = await loadInstrumentFor(prisma, actor, instrumentId, "instrument.read");
  if (!actor) return [];
  const words = (instrument.capabilities ?? "")
    .split(/[\s,，、;；。]+/)
    .filter(Boolean)
    .slice(0, 4);
  const terms = [...kindTerms(instrument), ...words];
  const q = (terms.length ? terms.join(" ") : instrument.name).slice(0, 100) || categoryOf(instrument.categoryCode)?.zh || "";
  const res = await searchCatalog({ q, type: "needs", viewer: actor, limit });
  return res.ok ? res.hits : [];
}
