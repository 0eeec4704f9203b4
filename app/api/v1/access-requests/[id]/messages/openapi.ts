import { messageCreatedSchema, threadSchema } from "@/lib/api/access-response-schemas";
import { defineOperation } from "@/lib/api/openapi/define-operation";
import { postMessageSchema } from "@/lib/access/schemas";

export const getAccessThreadOperation = defineOperation({
  method: "get",
  path: "/access-requests/{id}/messages",
  operationId: "getAccessThread",
  summary: "The message thread of an access request",
  description:
    "The owner side, or the requester while they may read the need in full. The company is anonymous (senderLabel null) until both sides accept an introduction.",
  tags: ["Access"],
  response: { status: 200, description: "The thread", schema: threadSchema, component: "AccessThread" },
  errors: ["NotFound"],
});

export const postAccessMessageOperation = defineOperation({
  method: "post",
  path: "/access-requests/{id}/messages",
  operationId: "postAccessMessage",
  summary: "Add a message to the thread",
  tags: ["Access"],
  body: { schema: postMessageSchema, component: "PostMessageInput" },
  response: { status: 201, description: "The new message", schema: messageCreatedSchema },
  errors: ["NotFound"],
});
