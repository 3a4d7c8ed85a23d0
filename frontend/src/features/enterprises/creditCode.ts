/**
 * 统一社会信用代码 (GB 32100-2015), the same rule as the server's EnterpriseRules: 18 characters from the
 * 31-character alphabet (no I, O, S, V, Z); the last is a check character over the first 17 with weights 3^i mod 31.
 */
export const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Full-width characters to ASCII, spaces and dashes removed, upper case. */
export function normaliseCreditCode(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/** The check character of the first 17 characters, or undefined when one is not in the alphabet. */
export function checkCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** What is wrong with a (normalised) code, as a key of enterprises.codeProblems with its values; null when valid. */
export type CodeProblem = { key: 'length'; count: number } | { key: 'character'; position: number; character: string } | { key: 'check'; expected: string };

export function creditCodeProblem(code: string): CodeProblem | null {
  if (code.length !== 18) return { key: 'length', count: code.length };
  const bad = [...code].findIndex((c) => !ALPHABET.includes(c));
  if (bad >= 0) return { key: 'character', position: bad + 1, character: code.charAt(bad) };
  const expected = checkCharacter(code.slice(0, 17));
  return expected === code.charAt(17) ? null : { key: 'check', expected: expected ?? '?' };
}
