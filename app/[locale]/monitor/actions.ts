"use server";
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/actions/action-client";
import { translatorFor } from "@/lib/i18n/translator";
import { draftChallengeFromItem } from "@/lib/monitor/challenge-draft";
import { addKeyItem, annotateKeyItem, createKeyList, removeKeyItem } from "@/lib/monitor/key-project-list";
import { addKeyItemSchema, annotateKeyItemSchema, createKeyListSchema, keyItemSchema } from "@/lib/monitor/schemas";

export const createKeyListAction = memberAction
  .schema(createKeyListSchema)
  .authorize("monitor.keyList")
  .action(async ({ actor, input, locale }) => {
    const list = await createKeyList(actor, input);
    redirect(`/${locale}/monitor/lists/${list.id}`);
  });

export const addKeyItemAction = memberAction
  .schema(addKeyItemSchema)
  .authorize("monitor.keyList")
  .revalidate((input) => `/monitor/lists/${input.listId}`)
  .success("monitor.itemAdded")
  .action(async ({ actor, input }) => {
    const item = await addKeyItem(actor, input);
    return { itemId: item.id, listId: input.listId };
  });

export const annotateKeyItemAction = memberAction
  .schema(annotateKeyItemSchema)
  .authorize("monitor.keyList")
  .revalidate("/monitor/lists")
  .success("monitor.saved")
  .action(async ({ actor, input }) => {
    await annotateKeyItem(actor, input);
  });

export const removeKeyItemAction = memberAction
  .schema(keyItemSchema)
  .authorize("monitor.keyList")
  .revalidate("/monitor/lists")
  .action(async ({ actor, input }) => {
    await removeKeyItem(actor, input);
  });

// The draft's title and opening words are chosen here, in the analyst's language. The draft is
// the analyst's programme's (lib/monitor/challenge-draft.ts); publishing it is not theirs.
export const draftChallengeAction = memberAction
  .schema(keyItemSchema)
  .authorize("monitor.keyList")
  .revalidate("/monitor/lists")
  .success("monitor.draftCreated")
  .action(async ({ actor, input, locale }) => {
    const t = await translatorFor(locale);
    const draft = await draftChallengeFromItem(actor, input, (n, figures) => {
      const node = locale === "en" ? n.nameEn : n.nameZh;
      return { title: t("monitor.draftTitle", { node }), problem: t("monitor.draftProblem", { node, ...figures }) };
    });
    return { challengeDraftId: draft.id };
  });
