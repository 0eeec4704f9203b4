import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { getProject } from "@/lib/challenges/milestones";

// GET /api/v1/challenge-applications/{id}/milestones : an awarded application's project and its milestones.
export const GET = withApi<{ id: string }>(async ({ actor, params }) => NextResponse.json(await getProject(actor, params.id)));
