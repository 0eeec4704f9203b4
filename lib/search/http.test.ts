// The Meilisearch HTTP client gives up on a server that does not answer (a hung Meilisearch must
// never hang a job or a page), and still answers normally otherwise.
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { requestJson } from "./http";

const servers: Array<{ close: () => void }> = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

function listen(server: net.Server): Promise<number> {
  servers.push({ close: () => server.close() });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
}

describe("requestJson", () => {
  it("fails after the deadline when the server accepts the connection but never answers", async () => {
    const sockets: net.Socket[] = [];
    const port = await listen(net.createServer((socket) => sockets.push(socket)));
    servers.push({ close: () => sockets.forEach((s) => s.destroy()) });
    const started = Date.now();
    await expect(requestJson(`http://127.0.0.1:${port}/health`, undefined, 200)).rejects.toThrow(/timed out after 200 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("fails after the deadline when the answer starts but never ends", async () => {
    const port = await listen(
      http.createServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"status":');
      }),
    );
    await expect(requestJson(`http://127.0.0.1:${port}/health`, undefined, 200)).rejects.toThrow(/timed out/);
  });

  it("returns the parsed answer of a server that answers in time", async () => {
    const port = await listen(http.createServer((_req, res) => res.end('{"status":"available"}')));
    await expect(requestJson(`http://127.0.0.1:${port}/health`, undefined, 2_000)).resolves.toEqual({ status: "available" });
  });
});
