"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { updateEmailDigest } from "@/lib/notifications/email-settings";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/read-notifications";
import { emailDigestSchema, notificationIdSchema } from "@/lib/notifications/schemas";
import { deleteSavedSearch, saveSearch } from "@/lib/saved-searches/saved-searches";
import { saveSearchSchema } from "@/lib/saved-searches/schemas";

// Every action is authorized here; the services scope rows to the actor. Reading a notification
// changes the unread count in the header: the whole layout is revalidated.

export const markReadAction = memberAction
  .schema(notificationIdSchema)
  .authorize("notification.read")
  .revalidate("", "layout")
  .action(async ({ actor, input }) => {
    await markNotificationRead(actor, input.id);
  });

export const markAllReadAction = memberAction
  .schema(z.strictObject({}))
  .authorize("notification.read")
  .revalidate("", "layout")
  .action(async ({ actor }) => {
    await markAllNotificationsRead(actor);
  });

export const updateEmailDigestAction = memberAction
  .schema(emailDigestSchema)
  .authorize("notification.settings")
  .action(async ({ actor, input }) => {
    await updateEmailDigest(actor, input);
  });

export const saveSearchAction = memberAction
  .schema(saveSearchSchema)
  .authorize("savedSearch.manage")
  .action(async ({ actor, input }) => {
    await saveSearch(actor, input);
  });

export const deleteSavedSearchAction = memberAction
  .schema(notificationIdSchema)
  .authorize("savedSearch.manage")
  .revalidate("/notifications/settings")
  .action(async ({ actor, input }) => {
    await deleteSavedSearch(actor, input.id);
  });
