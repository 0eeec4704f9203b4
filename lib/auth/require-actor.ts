import "server-only";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { can, type Actor, type MaybeActor } from "@/lib/policy";
import { getCurrentActor } from "./current-actor";

// For the public catalogue's pages (home, /needs, /results, /search, a need's or result's page):
// the viewer, anonymous visitors included (null). What they see there is the policy's.
export async function catalogViewer(): Promise<MaybeActor> {
  const actor = await getCurrentActor();
  if (!can(actor, "catalog.browse")) throw new AppError("FORBIDDEN");
  return actor;
}

// For pages: anonymous visitors go to sign-in and come back afterwards.
export async function requireActorForPage(locale: string, returnTo: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}${returnTo}`)}`);
  return actor;
}
