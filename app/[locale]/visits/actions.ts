"use server";
import { memberAction } from "@/lib/actions/action-client";
import { visitSchema } from "@/lib/needs/schemas";
import { createVisit } from "@/lib/visits/create-visit";

// Straight on to drafting the first need of this visit.
export const createVisitAction = memberAction
  .schema(visitSchema)
  .authorize("visit.create")
  .redirect(({ data }) => `/needs/new?visit=${(data as { id: string }).id}`)
  .action(async ({ actor, input }) => createVisit(actor, input));
