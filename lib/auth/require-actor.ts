import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/policy";
import { getCurrentActor } from "./current-actor";

// For pages: anonymous visitors go to sign-in and come back afterwards.
export async function requireActorForPage(locale: string, returnTo: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}${returnTo}`)}`);
  return actor;
}
