// The challenge REST operations (揭榜挂帅, issue 15) end to end through their routes: every answer
// is parsed with its documented response schema under tests (defineOperation's json throws, the
// route answers 500), so a view that drifts from lib/api/challenge-response-schemas.ts fails here.
import { beforeAll, describe, expect, it } from "vitest";
import * as myAppsRoute from "@/app/api/v1/challenge-applications/route";
import * as appRoute from "@/app/api/v1/challenge-applications/[id]/route";
import * as conflictRoute from "@/app/api/v1/challenge-applications/[id]/conflict/route";
import * as projectRoute from "@/app/api/v1/challenge-applications/[id]/milestones/route";
import * as scoresRoute from "@/app/api/v1/challenge-applications/[id]/scores/route";
import * as shortlistRoute from "@/app/api/v1/challenge-applications/[id]/shortlist/route";
import * as withdrawRoute from "@/app/api/v1/challenge-applications/[id]/withdraw/route";
import * as questionsRoute from "@/app/api/v1/challenge-applications/[id]/questions/route";
import * as answerRoute from "@/app/api/v1/challenge-questions/[id]/answer/route";
import * as panelSeatRoute from "@/app/api/v1/challenges/[id]/panel/[panelMemberId]/route";
import * as decisionRoute from "@/app/api/v1/challenge-milestones/[id]/decision/route";
import * as paymentRoute from "@/app/api/v1/challenge-milestones/[id]/payment/route";
import * as submissionRoute from "@/app/api/v1/challenge-milestones/[id]/submission/route";
import * as challengesRoute from "@/app/api/v1/challenges/route";
import * as challengeRoute from "@/app/api/v1/challenges/[id]/route";
import * as applicationsRoute from "@/app/api/v1/challenges/[id]/applications/route";
import * as awardRoute from "@/app/api/v1/challenges/[id]/award/route";
import * as ndaRoute from "@/app/api/v1/challenges/[id]/nda/route";
import * as outcomeRoute from "@/app/api/v1/challenges/[id]/outcome/route";
import * as panelRoute from "@/app/api/v1/challenges/[id]/panel/route";
import * as transitionsRoute from "@/app/api/v1/challenges/[id]/transitions/route";
import { prisma } from "@/lib/db";
import { apiRequest, createApiUser, noParams, routeParams, type ApiUser } from "@/tests/kits/api-test-kit";

const DAY = 86_400_000;
let sponsor: ApiUser, solver: ApiUser, solver2: ApiUser, expert: ApiUser, expert2: ApiUser;

const challengeBody = (over: Record<string, unknown> = {}) => ({
  title: "API 榜单：高镍正极残碱控制",
  teaser: "高镍正极材料残碱控制与包覆工艺",
  problem: "高镍正极材料残碱偏高导致浆料凝胶，需要在不改变烧结工艺的前提下降低残碱。",
  field: "新能源",
  indicators: "残碱 | ≤0.3% | 第三方检测",
  bountyTotalCny: 1_000_000,
  milestoneSplit: "小样 | 100",
  applicationDeadline: new Date(Date.now() + 30 * DAY).toISOString(),
  durationMonths: 6,
  criteria: "技术 | 100",
  blindReview: true,
  ...over,
});
const applyBody = () => ({
  approach: "采用水洗加二次烧结与硼酸锂包覆相结合的工艺路线，残碱可降至 0.2% 以下。",
  planMilestones: [{ title: "小样", deliverables: "小样与检测报告", dueAt: new Date(Date.now() + 90 * DAY).toISOString(), amountCny: 1_000_000 }],
  budgetCny: 1_000_000,
});

async function call(res: Promise<Response>, status = 200): Promise<Record<string, unknown>> {
  const response = await res;
  const json = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(json)).toBe(status);
  return json;
}
const tok = (u: ApiUser) => ({ token: u.token });
const id = (x: string) => routeParams({ id: x });

beforeAll(async () => {
  [sponsor, solver, solver2, expert, expert2] = await Promise.all([
    createApiUser("COMPANY"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
    createApiUser("RESEARCHER"),
  ]);
}, 60_000);

describe("challenge REST operations answer with their documented schemas", () => {
  it("run a challenge from the draft to its outcome", async () => {
    const created = await call(challengesRoute.POST(apiRequest("/challenges", { ...tok(sponsor), body: challengeBody() }), noParams), 201);
    const cid = created.id as string;
    const patched = await call(
      challengeRoute.PATCH(
        apiRequest(`/challenges/${cid}`, { ...tok(sponsor), method: "PATCH", body: { ...challengeBody(), version: created.version } }),
        id(cid),
      ),
    );
    const opened = await call(
      transitionsRoute.POST(apiRequest(`/challenges/${cid}/transitions`, { ...tok(sponsor), body: { to: "OPEN", version: patched.version } }), id(cid)),
    );
    for (const e of [expert, expert2])
      await call(panelRoute.POST(apiRequest(`/challenges/${cid}/panel`, { ...tok(sponsor), body: { email: e.actor.email } }), id(cid)), 201);
    await call(ndaRoute.GET(apiRequest(`/challenges/${cid}/nda`, tok(solver)), id(cid)));
    const a1 = await call(applicationsRoute.POST(apiRequest(`/challenges/${cid}/applications`, { ...tok(solver), body: applyBody() }), id(cid)), 201);
    const a2 = await call(applicationsRoute.POST(apiRequest(`/challenges/${cid}/applications`, { ...tok(solver2), body: applyBody() }), id(cid)), 201);
    const list = await call(challengesRoute.GET(apiRequest("/challenges", tok(solver)), noParams));
    expect((list.items as { id: string }[]).map((i) => i.id)).toContain(cid);
    const mine = await call(myAppsRoute.GET(apiRequest("/challenge-applications", tok(solver)), noParams));
    expect((mine.items as unknown[]).length).toBe(1);
    // Withdraw and nothing else: a2 leaves before the deadline.
    await call(
      withdrawRoute.POST(apiRequest(`/challenge-applications/${a2.id}/withdraw`, { ...tok(solver2), body: { version: a2.version } }), id(a2.id as string)),
    );

    await call(
      transitionsRoute.POST(apiRequest(`/challenges/${cid}/transitions`, { ...tok(sponsor), body: { to: "REVIEW", version: opened.version } }), id(cid)),
    );
    const a1id = a1.id as string;
    await call(conflictRoute.POST(apiRequest(`/challenge-applications/${a1id}/conflict`, { ...tok(expert2), body: { note: "同单位" } }), id(a1id)));
    await call(
      scoresRoute.PUT(
        apiRequest(`/challenge-applications/${a1id}/scores`, { ...tok(expert), method: "PUT", body: { scores: [{ criterionKey: "k1", score: 8 }] } }),
        id(a1id),
      ),
    );
    const review = await call(applicationsRoute.GET(apiRequest(`/challenges/${cid}/applications`, tok(expert)), id(cid)));
    expect((review.items as { label: string | null }[])[0]!.label).toBeNull();
    const board = await call(applicationsRoute.GET(apiRequest(`/challenges/${cid}/applications`, tok(sponsor)), id(cid)));
    expect((board.items as { score: number | null }[])[0]!.score).toBe(80);
    const app = await call(appRoute.GET(apiRequest(`/challenge-applications/${a1id}`, tok(sponsor)), id(a1id)));
    await call(
      shortlistRoute.POST(
        apiRequest(`/challenge-applications/${a1id}/shortlist`, { ...tok(sponsor), body: { version: app.version, shortlisted: true } }),
        id(a1id),
      ),
    );
    const q = await call(
      questionsRoute.POST(apiRequest(`/challenge-applications/${a1id}/questions`, { ...tok(expert), body: { question: "检测报告何时提供？" } }), id(a1id)),
      201,
    );
    await call(answerRoute.POST(apiRequest(`/challenge-questions/${q.id}/answer`, { ...tok(solver), body: { answer: "下个月提供。" } }), id(q.id as string)));
    const answered = await call(appRoute.GET(apiRequest(`/challenge-applications/${a1id}`, tok(sponsor)), id(a1id)));
    expect(answered.questions).toEqual([expect.objectContaining({ askedBy: "panel", answer: "下个月提供。" })]);
    // An expert who scored stays on the panel; one who did not (expert2, conflicted) can be removed.
    const seats = await prisma.challengePanelMember.findMany({ where: { challengeId: cid }, select: { id: true, userId: true } });
    const seatOf = (u: ApiUser) => seats.find((x) => x.userId === u.actor.id)!.id;
    const seatParams = (seat: string) => routeParams({ id: cid, panelMemberId: seat });
    await call(
      panelSeatRoute.DELETE(apiRequest(`/challenges/${cid}/panel/${seatOf(expert)}`, { ...tok(sponsor), method: "DELETE" }), seatParams(seatOf(expert))),
      409,
    );
    await call(
      panelSeatRoute.DELETE(apiRequest(`/challenges/${cid}/panel/${seatOf(expert2)}`, { ...tok(sponsor), method: "DELETE" }), seatParams(seatOf(expert2))),
    );

    const c = await prisma.challenge.findUniqueOrThrow({ where: { id: cid } });
    await call(
      awardRoute.POST(
        apiRequest(`/challenges/${cid}/award`, { ...tok(sponsor), body: { version: c.version, awards: [{ applicationId: a1id, reason: "方案最优" }] } }),
        id(cid),
      ),
    );
    const project = await call(projectRoute.GET(apiRequest(`/challenge-applications/${a1id}/milestones`, tok(solver)), id(a1id)));
    const m = (project.milestones as { id: string; version: number }[])[0]!;
    const submitted = await call(
      submissionRoute.POST(
        apiRequest(`/challenge-milestones/${m.id}/submission`, { ...tok(solver), body: { version: m.version, note: "小样已交付" } }),
        id(m.id),
      ),
    );
    const decided = await call(
      decisionRoute.POST(
        apiRequest(`/challenge-milestones/${m.id}/decision`, { ...tok(sponsor), body: { version: submitted.version, accept: true } }),
        id(m.id),
      ),
    );
    expect(decided.challengeCompleted).toBe(true);
    await call(
      paymentRoute.POST(
        apiRequest(`/challenge-milestones/${m.id}/payment`, { ...tok(sponsor), body: { version: decided.version, amountCny: 1_000_000 } }),
        id(m.id),
      ),
    );
    await call(
      outcomeRoute.POST(
        apiRequest(`/challenges/${cid}/outcome`, {
          ...tok(sponsor),
          body: { monthsAfter: 0, indicatorsReached: [{ key: "k1", measured: "0.21%", reached: true }] },
        }),
        id(cid),
      ),
      201,
    );
    const done = await call(challengeRoute.GET(apiRequest(`/challenges/${cid}`, tok(solver2)), id(cid)));
    expect(done.status).toBe("COMPLETED");
    expect((done.timeline as { completedAt: string | null }).completedAt).not.toBeNull();
    expect((done.timeline as { milestones: { accepted: number; total: number } }).milestones).toMatchObject({ accepted: 1, total: 1 });
  });

  it("accepts a confidential challenge's NDA", async () => {
    const created = await call(
      challengesRoute.POST(apiRequest("/challenges", { ...tok(sponsor), body: challengeBody({ visibility: "CONFIDENTIAL" }) }), noParams),
      201,
    );
    const cid = created.id as string;
    await call(
      transitionsRoute.POST(apiRequest(`/challenges/${cid}/transitions`, { ...tok(sponsor), body: { to: "OPEN", version: created.version } }), id(cid)),
    );
    expect((await call(challengeRoute.GET(apiRequest(`/challenges/${cid}`, tok(solver)), id(cid)))).details).toBeNull();
    await call(ndaRoute.POST(apiRequest(`/challenges/${cid}/nda`, { ...tok(solver), body: { accept: true } }), id(cid)));
    expect((await call(challengeRoute.GET(apiRequest(`/challenges/${cid}`, tok(solver)), id(cid)))).access).toBe("full");
  });
});
