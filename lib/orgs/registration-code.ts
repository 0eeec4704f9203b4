// Organisation registration codes, checked before a platform admin verifies an organisation. Pure.

// GB 32100-2015 统一社会信用代码: 18 characters from this 31-character set (no I, O, S, V, Z).
// Positions: 1 registering authority, 2 organisation type, 3-8 administrative division (digits),
// 9-17 organisation code, 18 check character.
const CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Upper-cased, without spaces and hyphens (as people copy codes from licences). */
export const normaliseRegistrationCode = (code: string): string => code.replace(/[\s\-－]/g, "").toUpperCase();

/** The check character of the first 17 characters, or null if one of them is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

export function isValidCreditCode(input: string): boolean {
  const code = normaliseRegistrationCode(input);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** 学校标识码 (Ministry of Education institution code): 10 digits starting with 4. */
export const isValidInstitutionCode = (input: string): boolean => /^4\d{9}$/.test(normaliseRegistrationCode(input));
