import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { openNotification } from "@/lib/notifications/read-notifications";

// The link in a notification email and in the list: marks it read, then goes to its subject.
// Signed-out visitors sign in first and come back here. Redirects are relative paths (never
// built from request.url, whose host may differ from the one the browser used).
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  const uiLocale = locale === "en" ? "en" : "zh-CN";
  const actor = await getCurrentActor();
  if (!actor) redirect(`/${uiLocale}/sign-in?callbackUrl=${encodeURIComponent(`/${uiLocale}/notifications/${encodeURIComponent(id)}/open`)}`);
  let link: string;
  try {
    link = await openNotification(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") redirect(`/${uiLocale}/notifications`);
    throw error;
  }
  redirect(`/${uiLocale}${link}`);
}
