"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { postAccessMessage } from "@/lib/access/access-thread";
import { decideAccess } from "@/lib/access/decide-access";
import { requestAccess } from "@/lib/access/request-access";
import { revokeAccess } from "@/lib/access/revoke-access";
import { decideAccessSchema, postMessageSchema, requestAccessSchema, revokeAccessSchema } from "@/lib/access/schemas";
import { requestIp } from "@/lib/http/request-ip";
import { idSchema } from "@/lib/validation/common";

// The need and the request come from hidden inputs; the services authorize (lib/policy) against
// the database. On success the page is rendered again from the server by redirecting to it.
const need = { needId: idSchema };
const request = { needId: idSchema, requestId: idSchema };

export const requestAccessAction = memberAction
  .schema(requestAccessSchema.safeExtend(need))
  .redirect(({ input }) => `/needs/${input.needId}/access`)
  .action(async ({ actor, input: { needId, ...answer } }) => {
    await requestAccess(actor, needId, answer, { ip: await requestIp() });
  });

export const decideAccessAction = memberAction
  .schema(decideAccessSchema.safeExtend(request))
  .redirect(({ input }) => `/needs/${input.needId}/requests`)
  .action(async ({ actor, input: { requestId, decision, reasonCode, days } }) => {
    await decideAccess(actor, requestId, { decision, reasonCode, days }, { ip: await requestIp() });
  });

export const revokeAccessAction = memberAction
  .schema(revokeAccessSchema.safeExtend(request))
  .redirect(({ input }) => `/needs/${input.needId}/requests`)
  .action(async ({ actor, input: { requestId, reasonCode } }) => {
    await revokeAccess(actor, requestId, { reasonCode }, { ip: await requestIp() });
  });

// Posted from the applicant's access page (back=access) or the owner's request page.
export const postMessageAction = memberAction
  .schema(postMessageSchema.safeExtend({ ...request, back: z.enum(["access", "requests"]) }))
  .redirect(({ input }) => (input.back === "access" ? `/needs/${input.needId}/access` : `/needs/${input.needId}/requests/${input.requestId}`))
  .action(async ({ actor, input }) => {
    await postAccessMessage(actor, input.requestId, { body: input.body }, { ip: await requestIp() });
  });
