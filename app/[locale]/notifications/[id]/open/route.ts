import { NextResponse } from "next/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { openNotification } from "@/lib/notifications/read-notifications";

// The link in a notification email and in the list: marks it read, then goes to its subject.
// Signed-out visitors sign in first and come back here.
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const uiLocale = locale === "en" ? "en" : "zh-CN";
  const here = `/${uiLocale}/notifications/${encodeURIComponent(id)}/open`;
  const actor = await getCurrentActor();
  if (!actor) return NextResponse.redirect(new URL(`/${uiLocale}/sign-in?callbackUrl=${encodeURIComponent(here)}`, request.url), 303);
  try {
    const link = await openNotification(actor, id);
    return NextResponse.redirect(new URL(`/${uiLocale}${link}`, request.url), 303);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return NextResponse.redirect(new URL(`/${uiLocale}/notifications`, request.url), 303);
    throw error;
  }
}
