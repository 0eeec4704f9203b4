// The text of an uploaded file, with its encoding detected instead of bad bytes silently
// replaced (pure). Order: a byte-order mark (UTF-8, UTF-16 LE/BE); valid UTF-8; then GB18030,
// the superset of GBK/GB2312 that Excel on Chinese Windows saves "CSV" in. Needs Node's full ICU
// (the default build) for the GB18030 and UTF-16 decoders.

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false };

const BOMS: [TextEncodingName, number[]][] = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

function decodeStrict(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = BOMS.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  // After a BOM the encoding is declared: bytes that do not decode are an error, not a guess.
  const candidates: TextEncodingName[] = bom ? [bom[0]] : ["utf-8", "gb18030"];
  for (const encoding of candidates) {
    const text = decodeStrict(bytes, encoding);
    if (text !== null) return { ok: true, text, encoding };
  }
  return { ok: false };
}
