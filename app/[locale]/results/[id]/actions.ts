"use server";
import { revalidatePath } from "next/cache";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { unauthenticated } from "@/lib/errors";
import { setResultPublished } from "@/lib/results/withdraw-result";

export async function setResultPublishedAction(locale: string, resultId: string, published: boolean): Promise<void> {
  const actor = await getCurrentActor();
  if (!actor) throw unauthenticated();
  await setResultPublished(actor, resultId, published);
  revalidatePath(`/${locale}/results/${resultId}`);
}
