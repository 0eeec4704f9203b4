import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { addChallengePanelMemberOperation } from "./openapi";
import { addPanelMember } from "@/lib/challenges/manage-challenge";
import { panelMemberSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenges/{id}/panel {email} : the sponsor seats a platform user on the review panel.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { email } = parseOrThrow(panelMemberSchema, await readJsonBody(request));
  return addChallengePanelMemberOperation.json(await addPanelMember(actor, params.id, email), { status: 201 });
});
