// A small MIME reader for the dev/test mail sink: enough for what nodemailer sends (headers
// with RFC 2047 encoded words, multipart/alternative|mixed|related, quoted-printable, base64,
// 7bit/8bit bodies in any charset TextDecoder knows). Not a general-purpose parser.

export type ParsedAttachment = { filename?: string; contentType: string; size: number };

export type ParsedMail = {
  messageId?: string;
  date?: string;
  /** Decoded From header, e.g. `TechBridge <noreply@techbridge.local>`. */
  from: string;
  /** Addresses only, lower case. */
  to: string[];
  cc: string[];
  subject: string;
  text?: string;
  html?: string;
  attachments: ParsedAttachment[];
  /** Decoded headers, lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
};

type Part = { headers: Map<string, string[]>; body: string };

/** The raw bytes as a 1:1 "binary" string, so structure can be parsed before charsets. */
function toBinary(raw: Buffer | string): string {
  return typeof raw === "string" ? Buffer.from(raw, "utf8").toString("latin1") : raw.toString("latin1");
}

function splitHeaderBody(src: string): Part {
  const match = /\r?\n\r?\n/.exec(src);
  const head = match ? src.slice(0, match.index) : src;
  const body = match ? src.slice(match.index + match[0].length) : "";
  const headers = new Map<string, string[]>();
  // Unfold continuation lines (CRLF followed by space or tab).
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const list = headers.get(name) ?? [];
    list.push(value);
    headers.set(name, list);
  }
  return { headers, body };
}

function decodeCharset(bytes: Buffer, charset = "utf-8"): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

export function decodeQuotedPrintable(input: string): Buffer {
  const noSoftBreaks = input.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < noSoftBreaks.length; i++) {
    const ch = noSoftBreaks[i]!;
    const hex = noSoftBreaks.slice(i + 1, i + 3);
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(noSoftBreaks.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?charset?B|Q?...?=); whitespace between adjacent words is dropped. */
export function decodeHeaderValue(binaryValue: string): string {
  // Raw 8-bit header bytes (SMTPUTF8) are UTF-8.
  const value = Buffer.from(binaryValue, "latin1").toString("utf8");
  const joined = value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, "$1");
  // Adjacent words of one charset may split a multi-byte character: decode runs together.
  return joined.replace(/(?:=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=)+/g, (run) => {
    const words = [...run.matchAll(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g)];
    let out = "";
    let pending: Buffer[] = [];
    let pendingCharset = "";
    const flush = () => {
      if (pending.length) out += decodeCharset(Buffer.concat(pending), pendingCharset);
      pending = [];
    };
    for (const [, charset = "utf-8", enc = "B", text = ""] of words) {
      if (charset.toLowerCase() !== pendingCharset) {
        flush();
        pendingCharset = charset.toLowerCase();
      }
      pending.push(enc.toUpperCase() === "B" ? Buffer.from(text, "base64") : decodeQuotedPrintable(text.replace(/_/g, " ")));
    }
    flush();
    return out;
  });
}

/** `type/subtype` plus lower-cased parameters (quoted values unquoted). */
function parseParams(value: string | undefined): { value: string; params: Record<string, string> } {
  if (!value) return { value: "", params: {} };
  const [first = "", ...rest] = value.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, "$1");
    params[key] = v;
  }
  return { value: first.trim().toLowerCase(), params };
}

function decodeBody(part: Part): Buffer {
  const cte = (part.headers.get("content-transfer-encoding")?.[0] ?? "7bit").toLowerCase().trim();
  if (cte === "base64") return Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
  if (cte === "quoted-printable") return decodeQuotedPrintable(part.body);
  return Buffer.from(part.body, "latin1");
}

function walk(part: Part, out: ParsedMail, depth = 0): void {
  const ct = parseParams(part.headers.get("content-type")?.[0] ?? "text/plain; charset=us-ascii");
  const disposition = parseParams(part.headers.get("content-disposition")?.[0]);
  if (ct.value.startsWith("multipart/") && ct.params.boundary && depth < 10) {
    const delimiter = `--${ct.params.boundary}`;
    const sections = part.body.split(new RegExp(`(?:^|\\r?\\n)${escapeRegExp(delimiter)}`));
    // sections[0] is the preamble; a section starting with "--" is the closing delimiter.
    for (const section of sections.slice(1)) {
      if (section.startsWith("--")) break;
      walk(splitHeaderBody(section.replace(/^[ \t]*\r?\n/, "")), out, depth + 1);
    }
    return;
  }
  const filename = disposition.params.filename ?? ct.params.name;
  const isAttachment = disposition.value === "attachment" || (filename !== undefined && !ct.value.startsWith("text/"));
  const bytes = decodeBody(part);
  if (!isAttachment && ct.value === "text/plain" && out.text === undefined) {
    out.text = decodeCharset(bytes, ct.params.charset);
  } else if (!isAttachment && ct.value === "text/html" && out.html === undefined) {
    out.html = decodeCharset(bytes, ct.params.charset);
  } else {
    out.attachments.push({
      filename: filename ? decodeHeaderValue(filename) : undefined,
      contentType: ct.value,
      size: bytes.length,
    });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Email addresses in an address-list header (`"A, B" <a@x>, b@y`), lower case. */
export function parseAddressList(value: string | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  // Drop quoted display names and comments first so their commas and @ do not confuse us.
  const cleaned = value.replace(/"(?:[^"\\]|\\.)*"/g, "").replace(/\((?:[^()\\]|\\.)*\)/g, "");
  for (const item of cleaned.split(",")) {
    const angle = /<([^>]*)>/.exec(item);
    const address = (angle ? angle[1]! : item).trim().toLowerCase();
    if (address.includes("@")) out.push(address);
  }
  return out;
}

function rawHeader(part: Part, name: string): string | undefined {
  const values = part.headers.get(name);
  return values ? Buffer.from(values.join(", "), "latin1").toString("utf8") : undefined;
}

export function parseMail(raw: Buffer | string): ParsedMail {
  const root = splitHeaderBody(toBinary(raw));
  const headers: Record<string, string> = {};
  for (const [name, values] of root.headers) headers[name] = values.map(decodeHeaderValue).join(", ");
  const out: ParsedMail = {
    messageId: headers["message-id"],
    date: headers["date"],
    from: headers["from"] ?? "",
    // Addresses from the undecoded headers: encoded display names may hold commas once decoded.
    to: parseAddressList(rawHeader(root, "to")),
    cc: parseAddressList(rawHeader(root, "cc")),
    subject: headers["subject"] ?? "",
    attachments: [],
    headers,
  };
  walk(root, out);
  return out;
}
