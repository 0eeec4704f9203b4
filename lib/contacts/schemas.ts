import { z } from "zod";
import { CONTACT_DECLINE_REASONS } from "./reasons";

// One schema per input, shared by the forms and the services.
export const sendContactSchema = z.object({
  target: z.enum(["need", "result"]),
  targetId: z.string().min(1).max(64),
  message: z.string().trim().min(10).max(1000),
});
export type SendContactInput = z.infer<typeof sendContactSchema>;

export const decideContactSchema = z.discriminatedUnion("decision", [
  z.object({ contactId: z.string().min(1).max(64), decision: z.literal("ACCEPT") }),
  z.object({ contactId: z.string().min(1).max(64), decision: z.literal("DECLINE"), reasonCode: z.enum(CONTACT_DECLINE_REASONS) }),
]);
export type DecideContactInput = z.infer<typeof decideContactSchema>;

export const contactMessageSchema = z.object({
  contactId: z.string().min(1).max(64),
  body: z.string().trim().min(1).max(4000),
});
export type ContactMessageInput = z.infer<typeof contactMessageSchema>;
