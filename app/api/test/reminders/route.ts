import { NextResponse } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { runChallengeDeadlines } from "@/lib/challenges/deadlines";
import { runDueReminders } from "@/lib/deals/deadlines";
import { expireContacts, remindPendingContacts } from "@/lib/contacts/deadlines";

// Test-only: runs the deadline and follow-up sweeps as if it were `now`, so e2e tests check
// reminders months ahead without waiting. It exists only when the server was started with
// TECHBRIDGE_TEST_HOOKS=1 (scripts/e2e-server.ts); everywhere else it is a 404.
const bodySchema = z.strictObject({ now: z.iso.datetime() });

export async function POST(request: Request): Promise<Response> {
  if (process.env.TECHBRIDGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: { code: "VALIDATION", message: "now must be an ISO date-time" } }, { status: 422 });
  const now = new Date(parsed.data.now);
  const deals = await runDueReminders(prisma, now);
  return NextResponse.json({
    ...deals,
    contactReminders: await remindPendingContacts(prisma, now),
    contactsExpired: await expireContacts(prisma, now),
    challenges: await runChallengeDeadlines(prisma, now),
  });
}
