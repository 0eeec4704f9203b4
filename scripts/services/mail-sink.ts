// A local SMTP sink for dev and tests: accepts every message on 127.0.0.1 (no STARTTLS, no
// AUTH), keeps them in memory and serves them as JSON over HTTP:
//   GET    /messages[?to=<email>]   newest first (to matches envelope and To/Cc recipients)
//   GET    /messages/<id>           one message;   GET /messages/<id>/raw   the .eml
//   DELETE /messages[?to=<email>]   forget all (or one recipient's) messages
//   GET    /health
// Senders use `secure: false, ignoreTLS: true` with SMTP_URL=smtp://127.0.0.1:<smtpPort>.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { parseMail, type ParsedMail } from "./mail-parse";

export type SinkMessage = ParsedMail & {
  id: string;
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  size: number;
};

export type MailSinkOptions = {
  /** 0 (default) picks a free port. */
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  /** Oldest messages are dropped beyond this (default 1000). */
  maxMessages?: number;
};

export type MailSinkHandle = {
  /** smtp://127.0.0.1:<port> (use as SMTP_URL). */
  smtpUrl: string;
  /** http://127.0.0.1:<port> (use as MAIL_SINK_URL). */
  url: string;
  smtpPort: number;
  httpPort: number;
  /** Newest first. */
  messages: (to?: string) => SinkMessage[];
  clear: () => void;
  stop: () => Promise<void>;
};

function listen(
  server: { listen: (port: number, host: string, cb: () => void) => unknown; once: (e: "error", cb: (err: Error) => void) => unknown },
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

export async function startMailSink(options: MailSinkOptions = {}): Promise<MailSinkHandle> {
  const host = options.host ?? "127.0.0.1";
  const max = options.maxMessages ?? 1000;
  const store: SinkMessage[] = []; // oldest first
  const raws = new Map<string, Buffer>();
  let counter = 0;

  const matches = (m: SinkMessage, to: string | null | undefined) => {
    if (!to) return true;
    const want = to.trim().toLowerCase();
    return m.envelope.to.includes(want) || m.to.includes(want) || m.cc.includes(want);
  };
  const list = (to?: string | null) => store.filter((m) => matches(m, to)).reverse();

  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    banner: "TechBridge mail sink",
    size: 25 * 1024 * 1024,
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        let parsed: ParsedMail;
        try {
          parsed = parseMail(raw);
        } catch (err) {
          parsed = { from: "", to: [], cc: [], subject: `(unparseable: ${(err as Error).message})`, attachments: [], headers: {} };
        }
        const mailFrom = session.envelope.mailFrom;
        const message: SinkMessage = {
          ...parsed,
          id: `${Date.now().toString(36)}-${(++counter).toString(36)}`,
          receivedAt: new Date().toISOString(),
          envelope: {
            from: mailFrom ? mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          },
          size: raw.length,
        };
        store.push(message);
        raws.set(message.id, raw);
        while (store.length > max) raws.delete(store.shift()!.id);
        callback();
      });
    },
  });
  smtp.on("error", (err) => console.error(`[mail-sink] SMTP error: ${err.message}`));

  const send = (res: http.ServerResponse, status: number, body: unknown, type = "application/json; charset=utf-8") => {
    const payload = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    res.end(payload);
  };

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sink");
    const parts = url.pathname.split("/").filter(Boolean);
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { ok: true, messages: store.length });
    if (parts[0] !== "messages") return send(res, 404, { error: "not found" });
    if (parts.length === 1) {
      if (req.method === "GET") return send(res, 200, list(url.searchParams.get("to")));
      if (req.method === "DELETE") {
        const to = url.searchParams.get("to");
        const keep = store.filter((m) => !matches(m, to));
        for (const m of store) if (!keep.includes(m)) raws.delete(m.id);
        store.splice(0, store.length, ...keep);
        return send(res, 200, { ok: true });
      }
      return send(res, 405, { error: "method not allowed" });
    }
    const message = store.find((m) => m.id === parts[1]);
    if (!message || req.method !== "GET") return send(res, 404, { error: "not found" });
    if (parts[2] === "raw") return send(res, 200, raws.get(message.id) ?? "", "message/rfc822");
    return send(res, 200, message);
  });

  await listen(smtp.server as unknown as Parameters<typeof listen>[0], options.smtpPort ?? 0, host).catch((err) => {
    throw new Error(`Mail sink: cannot listen for SMTP on ${host}:${options.smtpPort ?? 0}: ${err.message}`);
  });
  try {
    await listen(web, options.httpPort ?? 0, host);
  } catch (err) {
    await new Promise<void>((r) => smtp.close(() => r()));
    throw new Error(`Mail sink: cannot listen for HTTP on ${host}:${options.httpPort ?? 0}: ${(err as Error).message}`);
  }
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (web.address() as AddressInfo).port;

  let stopped = false;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    url: `http://${host}:${httpPort}`,
    smtpPort,
    httpPort,
    messages: (to) => list(to),
    clear: () => {
      store.length = 0;
      raws.clear();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      web.closeAllConnections();
      await Promise.all([new Promise<void>((r) => web.close(() => r())), new Promise<void>((r) => smtp.close(() => r()))]);
    },
  };
}

export async function stopMailSink(handle: MailSinkHandle): Promise<void> {
  await handle.stop();
}
