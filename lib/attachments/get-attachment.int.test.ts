// Attachments of a confidential need are as confidential as its text: GET /api/attachments/{id}
// serves them to whoever reads the need in full (owner, staff, a researcher with a live access
// grant) and to nobody else, and audits every download by anyone.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/policy").MaybeActor }));
vi.mock("@/lib/auth/current-actor", () => ({ getCurrentActor: async () => session.actor }));

import * as attachmentRoute from "@/app/api/attachments/[id]/route";
import { createCast, createNeedFixture, type Cast, type NeedFixture } from "@/tests/kits/access-test-kit";
import { routeParams, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
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
  ({ id: confidentialFile } = await addAttachment(cast.owner.actor, { needId: confidential.id }, { name: "drawing.pdf", bytes: PDF }, "zh-CN"));
  const open = await createNeedFixture(cast, "PUBLIC");
  ({ id: publicFile } = await addAttachment(cast.owner.actor, { needId: open.id }, { name: "public.pdf", bytes: PDF }, "zh-CN"));
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

describe("an unknown attachment id", () => {
  it("is a 404 like a forbidden one", async () => {
    expect((await download(cast.owner, "does-not-exist")).status).toBe(404);
  });
});
