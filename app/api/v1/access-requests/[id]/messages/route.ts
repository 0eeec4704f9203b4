import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { getAccessThreadOperation, postAccessMessageOperation } from "./openapi";
import { getAccessThread, postAccessMessage } from "@/lib/access/access-thread";
import { postMessageSchema } from "@/lib/access/schemas";
import { clientIpFrom } from "@/lib/http/client-ip";
import { parseOrThrow } from "@/lib/validation/parse-input";

type Params = { id: string };

// GET: the thread (as confidential as the need). POST: add a message.
export const GET = withApi<Params>(async ({ actor, params }) => getAccessThreadOperation.json(await getAccessThread(actor, params.id)));

export const POST = withApi<Params>(async ({ actor, params, request }) => {
  const input = parseOrThrow(postMessageSchema, await readJsonBody(request));
  return postAccessMessageOperation.json(await postAccessMessage(actor, params.id, input, { ip: clientIpFrom(request.headers) }));
});
