"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { recordContract } from "@/lib/deals/contract";
import { recordOutcome } from "@/lib/deals/follow-up";
import { postDealMessage } from "@/lib/deals/messages";
import { respondToIntroduction } from "@/lib/deals/respond";
import { contractSchema, messageSchema, outcomeSchema, respondSchema, transitionSchema } from "@/lib/deals/schemas";
import { transitionDeal } from "@/lib/deals/transition";
import { idSchema } from "@/lib/validation/common";

// The deal's id comes from a hidden input; the services check that the actor is a party.
const deal = { dealId: idSchema };
const dealPage = ({ dealId }: { dealId: string }) => `/deals/${dealId}`;

export const respondAction = memberAction
  .schema(respondSchema.safeExtend(deal))
  .revalidate(dealPage)
  .success(({ input, data, t }) =>
    t(input.decision === "decline" ? "deal.declinedDone" : (data as { state: string }).state === "INTRODUCED" ? "deal.bothAcceptedDone" : "deal.acceptedDone"),
  )
  .action(async ({ actor, input: { dealId, ...answer } }) => {
    const { state } = await respondToIntroduction(actor, dealId, answer);
    return { state };
  });

export const moveAction = memberAction
  .schema(transitionSchema.safeExtend(deal))
  .revalidate(dealPage)
  .success(({ input, t }) => t("deal.movedDone", { state: t(`deal.state.${input.to}`) }))
  .action(async ({ actor, input: { dealId, ...move } }) => {
    await transitionDeal(actor, dealId, move);
  });

// The form has three rows of milestone fields (milestone0Title, milestone0Amount, ...); the rows
// with anything in them become the contract's milestones.
const MILESTONE_ROWS = [0, 1, 2] as const;
const MILESTONE_PARTS = { title: "Title", amountCny: "Amount", dueAt: "Due", paidAt: "Paid" } as const;
const milestoneFields = Object.fromEntries(
  MILESTONE_ROWS.flatMap((i) => Object.values(MILESTONE_PARTS).map((part) => [`milestone${i}${part}`, z.string().optional()])),
) as Record<string, z.ZodOptional<z.ZodString>>;
const contractWithDeal = contractSchema.safeExtend(deal);
const contractFormSchema = z
  .strictObject({ ...contractSchema.omit({ milestones: true }).partial().shape, ...deal, ...milestoneFields })
  .transform((form): z.input<typeof contractWithDeal> => {
    const fields: Record<string, unknown> = form;
    const rest = Object.fromEntries(Object.entries(fields).filter(([name]) => !name.startsWith("milestone")));
    const milestones = MILESTONE_ROWS.map((i) =>
      Object.fromEntries(
        Object.entries(MILESTONE_PARTS).flatMap(([key, part]) => (fields[`milestone${i}${part}`] ? [[key, fields[`milestone${i}${part}`]]] : [])),
      ),
    ).filter((m) => Object.keys(m).length > 0);
    return { ...rest, milestones } as z.input<typeof contractWithDeal>;
  })
  .pipe(contractWithDeal);

export const contractAction = memberAction
  .schema(contractFormSchema)
  .revalidate(dealPage)
  .success("deal.contractDone")
  .action(async ({ actor, input: { dealId, ...contract } }) => {
    await recordContract(actor, dealId, contract);
  });

const outcomeFormSchema = outcomeSchema.extend({
  ...deal,
  followUpId: idSchema,
  productLaunched: z.enum(["yes", "no"]).transform((v) => v === "yes"),
});

export const outcomeAction = memberAction
  .schema(outcomeFormSchema)
  .revalidate(dealPage)
  .success("deal.outcomeDone")
  .action(async ({ actor, input }) => {
    const { productLaunched, revenueCny, patentsFiled, jobsCreated, notes } = input;
    await recordOutcome(actor, input.followUpId, { productLaunched, revenueCny, patentsFiled, jobsCreated, notes });
  });

export const messageAction = memberAction
  .schema(messageSchema.safeExtend(deal))
  .revalidate(dealPage)
  .action(async ({ actor, input }) => {
    await postDealMessage(actor, input.dealId, input.body);
  });
