"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { setBrokerHelp } from "@/lib/needs/broker-help";
import { idSchema } from "@/lib/validation/common";

const brokerHelpSchema = z.strictObject({ needId: idSchema, ask: z.enum(["yes", "no"]).transform((v) => v === "yes") });

/** The owner asks for (ask=yes) or withdraws (ask=no) a broker's help on a need. */
export const brokerHelpAction = memberAction
  .schema(brokerHelpSchema)
  .revalidate(({ needId }) => `/needs/${needId}`)
  .success(({ input, t }) => t(input.ask ? "brokerHelp.askedDone" : "brokerHelp.withdrawnDone"))
  .action(async ({ actor, input }) => {
    await setBrokerHelp(actor, input.needId, input.ask);
  });
