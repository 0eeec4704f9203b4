import { z } from "zod";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { isValidCreditCode, isValidInstitutionCode, normaliseRegistrationCode } from "./registration-code";

/**
 * The registration code that fits an organisation's kind: companies, TTOs and government bodies
 * have a 统一社会信用代码; universities and institutes that or their 学校标识码.
 */
export function registrationCodeProblem(kind: OrgKind, code: string): `v.${string}` | null {
  if (isValidCreditCode(code)) return null;
  if (kind === "UNIVERSITY") return isValidInstitutionCode(code) ? null : "v.institutionCode";
  return "v.creditCode";
}

/** Name compare for "is this a verified organisation's name": width, case and spaces do not count. */
export const normaliseOrgName = (name: string): string => name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

export const verifyOrganisationSchema = z.strictObject({
  organisationId: z.string().trim().min(1),
  registrationCode: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(40).transform(normaliseRegistrationCode).optional(),
  ),
});
export type VerifyOrganisationInput = z.infer<typeof verifyOrganisationSchema>;
