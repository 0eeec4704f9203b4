"use server";
import { memberAction } from "@/lib/actions/action-client";
import { requestIp } from "@/lib/http/request-ip";
import { updateNeedSchema } from "@/lib/needs/schemas";
import { updateNeed } from "@/lib/needs/update-need";
import { idSchema } from "@/lib/validation/common";

// Editing a need, including its confidentiality level and teaser: the owner's company only
// (updateNeed authorizes against the database). A blank field is left as it is. A level change
// is audited and leaves the search index before this action returns.
export const updateNeedAction = memberAction
  .schema(updateNeedSchema.safeExtend({ needId: idSchema }))
  .redirect(({ input }) => `/needs/${input.needId}`)
  .action(async ({ actor, input: { needId, ...changes } }) => {
    await updateNeed(actor, needId, changes, { ip: await requestIp() });
  });
