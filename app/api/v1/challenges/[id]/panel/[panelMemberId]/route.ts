import { withApi } from "@/lib/api/with-api";
import { removeChallengePanelMemberOperation } from "./openapi";
import { removePanelMember } from "@/lib/challenges/manage-challenge";

// DELETE /api/v1/challenges/{id}/panel/{panelMemberId} : the sponsor takes an expert who has not scored off the panel.
export const DELETE = withApi<{ id: string; panelMemberId: string }>(async ({ actor, params }) =>
  removeChallengePanelMemberOperation.json(await removePanelMember(actor, params.id, params.panelMemberId)),
);
