"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { visitSchema } from "@/lib/needs/schemas";
import { createVisit } from "@/lib/visits/create-visit";

// The form's two buttons: "save the visit" stays on the list; "save and draft a need" goes on to
// the wizard, which opens with the visit's notes in the draft.
const visitFormSchema = visitSchema.safeExtend({ then: z.enum(["draft", "stay"]).default("stay") });

export const createVisitAction = memberAction
  .schema(visitFormSchema)
  .authorize("visit.create")
  .revalidate("/visits")
  .success("visit.saved")
  .redirect(({ input, data }) => (input.then === "draft" ? `/needs/new?visit=${(data as { id: string }).id}` : undefined))
  .action(async ({ actor, input: { organisationId, visitedOn, peopleMet, notes } }) => createVisit(actor, { organisationId, visitedOn, peopleMet, notes }));
