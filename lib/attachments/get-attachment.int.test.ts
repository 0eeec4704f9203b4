// Attachments of a confidential need are as confidential as its text: GET /api/attachments/{id}
// serves them to whoever reads the need in full (owner, staff, a researcher with a live access
// grant, a broker acting for the owner: assigned, asked for help, or BROKER_ONLY in their
// portfolio) and to nobody else, and audits every download by anyone.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/policy").MaybeActor }));
vi.mock("@/lib/auth/current-actor", () => ({ getCurrentActor: async () => session.actor }));

import * as attachmentRoute from "@/app/api/attachments/[id]/route";
import { createCast, createNeedFixture, type Cast, type NeedFixture } from "@/tests/kits/access-test-kit";
import { createApiUser, routeParams, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { setBrokerPortfolio } from "@/lib/broker/portfolio";
import { setBrokerHelp } from "@/lib/needs/broker-help";
import { addAttachment } from "./attachments";

const PDF = new TextEncoder().encode("%PDF-1.4\n% confidential drawing 7c1f\n");

let cast: Cast;
let confidential: NeedFixture;
let confidentialFile: string;
let publicFile: string;

async function download(user: ApiUser | null, attachmentId: string): Promise<Response> {
  session.actor = user?.actor ?? null;
  try {
    return await attachmentRoute.GET(new Request(`http://localhost/api/attachments/${attachmentId}`), routeParams({ id: attachmentId }));
  } finally {
    session.actor = null;
  }
}

beforeAll(async () => {
  cast = await createCast();
  confidential = await createNeedFixture(cast, "CONFIDENTIAL");
  ({ id: confidentialFile } = await addAttachment(cast.owner.actor, { needId: confidential.id }, { name: "drawing.pdf", bytes: PDF }));
  const open = await createNeedFixture(cast, "PUBLIC");
  ({ id: publicFile } = await addAttachment(cast.owner.actor, { needId: open.id }, { name: "public.pdf", bytes: PDF }));
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("GET /api/attachments/{id} of a CONFIDENTIAL need", () => {
  it("serves the owner, the assigned broker, an admin and a researcher with a live grant", async () => {
    for (const who of ["owner", "broker", "admin", "granted"] as const) {
      const res = await download(cast[who], confidentialFile);
      expect(res.status, who).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer()), who).toEqual(PDF);
    }
  });

  it("is a 404 for another company, an ungranted, a pending and a revoked researcher", async () => {
    for (const who of ["otherCompany", "researcher", "pending", "revoked"] as const) {
      const res = await download(cast[who], confidentialFile);
      expect(res.status, who).toBe(404);
      expect(await res.text(), who).not.toContain("confidential drawing");
    }
  });

  it("is a 401 for an anonymous visitor", async () => {
    expect((await download(null, confidentialFile)).status).toBe(401);
  });

  it("stops at once when the grant expires", async () => {
    await prisma.accessRequest.update({ where: { id: confidential.spareRequestId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await download(cast.spare, confidentialFile)).status).toBe(404);
  });

  it("writes an audit row with the grant before the bytes go out", async () => {
    const before = await prisma.auditLog.count({ where: { subject: `need:${confidential.id}`, action: "need.attachment", actorId: cast.granted.actor.id } });
    await download(cast.granted, confidentialFile);
    const rows = await prisma.auditLog.findMany({ where: { subject: `need:${confidential.id}`, action: "need.attachment", actorId: cast.granted.actor.id } });
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)?.detail).toMatchObject({ attachmentId: confidentialFile, visibility: "CONFIDENTIAL", grantId: confidential.grantedRequestId });
    // Refused downloads leave no trace of a read.
    expect(await prisma.auditLog.count({ where: { action: "need.attachment", actorId: cast.revoked.actor.id } })).toBe(0);
  });
});

describe("GET /api/attachments/{id} of a PUBLIC need", () => {
  it("serves every signed-in user and writes no audit row", async () => {
    for (const who of ["owner", "otherCompany", "researcher", "revoked", "broker"] as const)
      expect((await download(cast[who], publicFile)).status, who).toBe(200);
    expect((await download(null, publicFile)).status).toBe(401);
    expect(await prisma.auditLog.count({ where: { action: "need.attachment", detail: { path: ["attachmentId"], equals: publicFile } } })).toBe(0);
  });
});

describe("GET /api/attachments/{id} for brokers not assigned to the need", () => {
  // Exactly the brokers who read the need in full (lib/policy/rules.ts: actsForOwner).
  let helper: ApiUser;
  let portfolioBroker: ApiUser;
  let stranger: ApiUser;
  let helpAskedFile: string;
  let brokerOnlyFile: string;
  let outsideFile: string;

  beforeAll(async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    [helper, portfolioBroker, stranger] = [await createApiUser("BROKER"), await createApiUser("BROKER"), await createApiUser("BROKER")];
    await setBrokerPortfolio({ email: portfolioBroker.actor.email, regions: [`附件区域${tag}`], chainIds: [] });
    portfolioBroker.actor = { ...portfolioBroker.actor, brokerPortfolio: { regions: [`附件区域${tag}`], chainIds: [] } };

    const helpAsked = await createNeedFixture(cast, "CONFIDENTIAL");
    await prisma.need.update({ where: { id: helpAsked.id }, data: { brokerId: null } });
    await setBrokerHelp(cast.owner.actor, helpAsked.id, true);
    ({ id: helpAskedFile } = await addAttachment(cast.owner.actor, { needId: helpAsked.id }, { name: "help.pdf", bytes: PDF }));

    const inPortfolio = await createNeedFixture(cast, "BROKER_ONLY", { region: `附件区域${tag}` });
    await prisma.need.update({ where: { id: inPortfolio.id }, data: { brokerId: null } });
    ({ id: brokerOnlyFile } = await addAttachment(cast.owner.actor, { needId: inPortfolio.id }, { name: "portfolio.pdf", bytes: PDF }));

    const outside = await createNeedFixture(cast, "BROKER_ONLY", { region: `别处${tag}` });
    await prisma.need.update({ where: { id: outside.id }, data: { brokerId: null } });
    ({ id: outsideFile } = await addAttachment(cast.owner.actor, { needId: outside.id }, { name: "outside.pdf", bytes: PDF }));
  }, 120_000);

  it("serves a broker whom the owner asked for help, and audits the download", async () => {
    const res = await download(helper, helpAskedFile);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect(await prisma.auditLog.count({ where: { action: "need.attachment", actorId: helper.actor.id } })).toBe(1);
  });

  it("serves a broker whose portfolio covers a BROKER_ONLY need", async () => {
    const res = await download(portfolioBroker, brokerOnlyFile);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it("is a 404 for an unrelated broker (no help asked, outside their portfolio)", async () => {
    for (const [who, user, file] of [
      ["stranger on the CONFIDENTIAL need", stranger, confidentialFile],
      ["stranger on the BROKER_ONLY need", stranger, brokerOnlyFile],
      ["portfolio broker outside their region", portfolioBroker, outsideFile],
      ["portfolio broker on a CONFIDENTIAL need", portfolioBroker, confidentialFile],
    ] as const) {
      const res = await download(user, file);
      expect(res.status, who).toBe(404);
      expect(await res.text(), who).not.toContain("confidential drawing");
    }
    expect(await prisma.auditLog.count({ where: { action: "need.attachment", actorId: stranger.actor.id } })).toBe(0);
  });
});

describe("an unknown attachment id", () => {
  it("is a 404 like a forbidden one", async () => {
    expect((await download(cast.owner, "does-not-exist")).status).toBe(404);
  });
});
