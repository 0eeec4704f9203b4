// The choices of a patent entry, shared by the structured input and the labels (client-safe).
export const PATENT_TYPES = ["INVENTION", "UTILITY_MODEL", "DESIGN"] as const;
export const PATENT_STATUSES = ["GRANTED", "PENDING"] as const;
/** Offices most results are filed with; any other two-to-ten-letter code may still be typed. */
export const PATENT_OFFICES = ["CN", "US", "EP", "JP", "KR", "WO", "DE", "GB"] as const;

export type PatentEntry = { number: string; type: string; status: string; jurisdiction: string };

/** The form's text encoding of patents, which the shared schema parses (lib/results/schemas.ts). */
export function encodePatents(entries: PatentEntry[]): string {
  return entries
    .filter((p) => p.number.trim() !== "")
    .map((p) => [p.number.trim(), p.type, p.status, p.jurisdiction.trim()].join("|"))
    .join("; ");
}

export function decodePatents(text: string | undefined): PatentEntry[] {
  if (!text) return [];
  return text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [number = "", type = "INVENTION", status = "PENDING", jurisdiction = "CN"] = entry.split("|").map((p) => p.trim());
      return { number, type: type.toUpperCase(), status: status.toUpperCase(), jurisdiction: jurisdiction.toUpperCase() };
    });
}
