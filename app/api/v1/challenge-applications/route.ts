import { withApi } from "@/lib/api/with-api";
import { listMyChallengeApplicationsOperation } from "./openapi";
import { listMyApplications } from "@/lib/challenges/applications";

// GET /api/v1/challenge-applications : the caller's own applications (as applicant or team member).
export const GET = withApi(async ({ actor }) => listMyChallengeApplicationsOperation.json({ items: await listMyApplications(actor) }));
