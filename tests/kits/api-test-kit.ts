// Helpers for the REST API integration tests (*.int.test.ts): users with tokens made through the
// real services, and Requests the way Next hands them to route handlers. Not used by the app.
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";
import type { Actor } from "@/lib/policy";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createUserAccount } from "@/lib/users/create-user-account";

export type ApiUser = { actor: Actor; token: string; tokenId: string; organisationId: string };

const unique = () => randomBytes(4).toString("hex");

const orgKindFor: Record<Role, OrgKind> = { COMPANY: "COMPANY", RESEARCHER: "UNIVERSITY", BROKER: "TTO", ADMIN: "GOVERNMENT", ANALYST: "GOVERNMENT" };

/** The grant a staff test user gets (a broker's with a year-long accreditation). */
export const testStaffGrant = (role: Role) =>
  role === "BROKER"
    ? {
        reason: "integration test",
        certificateNo: "TEST-BROKER-0001",
        certificateIssuer: "测试技术市场协会",
        validUntil: new Date(Date.now() + 365 * 86_400_000),
      }
    : { reason: "integration test" };

/** A user (in a new organisation unless `orgName` names an existing one) with a personal access token. */
export async function createApiUser(role: Role, opts: { orgName?: string } = {}): Promise<ApiUser> {
  const id = unique();
  const { userId, organisationId } = await createUserAccount({
    email: `${role.toLowerCase()}-${id}@example.cn`,
    password: `password-${id}-long`,
    role,
    orgName: opts.orgName ?? `${role} 测试机构 ${id}`,
    orgKind: orgKindFor[role],
    grant: testStaffGrant(role),
  });
  const actor = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      organisationId: true,
      isOrgAdmin: true,
      email: true,
      name: true,
      brokerPortfolio: { select: { regions: true, chainIds: true } },
    },
  });
  const { id: tokenId, token } = await createApiToken(actor, "integration test");
  return { actor, token, tokenId, organisationId };
}

export const API_BASE = "http://localhost/api/v1";

export type RequestOptions = {
  token?: string | null;
  method?: string;
  /** JSON-encoded unless a string (sent as is) */
  body?: unknown;
  headers?: Record<string, string>;
  /** Accept-Language: English unless told (the API itself answers Chinese without the header: "none"). */
  lang?: "zh" | "en" | "none";
  /** The socket address the request comes from, as the web server's preload stamps it (lib/http/client-ip.ts). */
  ip?: string;
};

/** A Request for a v1 path ("/needs?page=2"), with the token and a JSON body when given. */
export function apiRequest(path: string, opts: RequestOptions = {}): Request {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.ip) headers[PEER_ADDRESS_HEADER] = opts.ip;
  const lang = opts.lang ?? "en";
  if (lang !== "none") headers["accept-language"] = lang === "zh" ? "zh-CN,zh;q=0.9" : "en-GB,en;q=0.9";
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  }
  Object.assign(headers, opts.headers);
  return new Request(`${API_BASE}${path}`, { method: opts.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

/** The route's second argument for a dynamic segment. */
export const routeParams = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
export const noParams = { params: Promise.resolve({} as Record<string, never>) };

export type ApiErrorJson = { error: { code: string; message: string; fields?: Record<string, string[]> } };

export async function readJson<T = unknown>(response: Response): Promise<T> {
  expectJson(response);
  return (await response.json()) as T;
}

function expectJson(response: Response): void {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) throw new Error(`Expected a JSON response, got ${response.status} ${type}`);
}

/** A valid createNeedSchema body; override what the test is about. */
export function needBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "高能量密度固态电池电解质",
    description: "寻求室温离子电导率高于 1 mS/cm 的固态电解质材料，可用于动力电池的中试验证。",
    field: "新能源",
    keywords: ["固态电池", "电解质"],
    trlTarget: 6,
    budgetMinCny: 500_000,
    budgetMaxCny: 2_000_000,
    collaborationModes: ["CO_DEVELOPMENT"],
    region: "深圳",
    ...overrides,
  };
}

export function resultBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "硫化物固态电解质规模化制备工艺",
    summary: "一种低成本硫化物固态电解质的规模化合成方法，室温离子电导率达到 5 mS/cm，已完成公斤级验证。",
    field: "新能源",
    keywords: ["固态电解质", "硫化物"],
    trl: 5,
    transferModes: ["LICENCE"],
    ...overrides,
  };
}
