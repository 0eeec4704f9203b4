// Preloaded into the web server (`node --import ./scripts/web/peer-address.mjs ... next start`,
// see package.json "start" and scripts/services/util.ts nextStartCommand). Next.js hands route
// handlers, server actions and pages the request headers but never the socket, and `next start`
// keeps a client-sent X-Forwarded-For as it is. So before Next sees a request, this writes the
// socket's remote address into X-TechBridge-Peer-Address, replacing whatever the client sent
// under that name, and marks the process so that lib/http/client-ip.ts believes the header.
import http from "node:http";

const HEADER = "x-techbridge-peer-address";
globalThis[Symbol.for("techbridge.peer-address-stamped")] = true;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeerAddress(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || "";
  }
  return emit.call(this, event, request, ...rest);
};
