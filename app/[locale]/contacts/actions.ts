"use server";
import { memberAction } from "@/lib/actions/action-client";
import { postContactMessage } from "@/lib/contacts/contact-thread";
import { decideContact } from "@/lib/contacts/decide-contact";
import { contactMessageSchema, decideContactSchema, sendContactSchema } from "@/lib/contacts/schemas";
import { sendContact } from "@/lib/contacts/send-contact";
import { requestIp } from "@/lib/http/request-ip";

// "I can help" / "I'm interested": the service loads the target in the sender's scope and
// decides with contact.offer / contact.interest; the new request's id goes back to the form.
export const sendContactAction = memberAction
  .schema(sendContactSchema)
  .revalidate((i) => (i.target === "need" ? `/needs/${i.targetId}` : `/results/${i.targetId}`))
  .revalidate("/contacts")
  .success("contact.sent")
  .action(async ({ actor, input }) => {
    const { id } = await sendContact(actor, input, { ip: await requestIp() });
    return { contactId: id };
  });

export const decideContactAction = memberAction
  .schema(decideContactSchema)
  .revalidate((i) => `/contacts/${i.contactId}`)
  .revalidate("/contacts")
  .success("contact.decided")
  .action(async ({ actor, input }) => {
    await decideContact(actor, input);
  });

export const contactMessageAction = memberAction
  .schema(contactMessageSchema)
  .revalidate((i) => `/contacts/${i.contactId}`)
  .action(async ({ actor, input }) => {
    await postContactMessage(actor, input, { ip: await requestIp() });
  });
