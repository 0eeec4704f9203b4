import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { listMyApplications } from "@/lib/challenges/applications";

// GET /api/v1/challenge-applications : the caller's own applications (as applicant or team member).
export const GET = withApi(async ({ actor }) => NextResponse.json({ items: await listMyApplications(actor) }));
