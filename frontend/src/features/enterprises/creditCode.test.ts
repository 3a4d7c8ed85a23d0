import { describe, expect, it } from 'vitest';
import { ALPHABET, checkCharacter, creditCodeProblem, normaliseCreditCode } from './creditCode';

/** Codes published on the national enterprise credit information system (Tencent, Huawei, Xiaomi, Alibaba, Baidu). */
const REAL = ['91440300708461136T', '914403001922038216', '91110108551385082Q', '91330100716105852F', '91110000802100433B'];

describe('credit code rule (GB 32100-2015), as the server checks it', () => {
  it('accepts real published codes', () => {
    for (const code of REAL) expect(creditCodeProblem(code)).toBeNull();
  });

  it('names the expected check character when the last one is wrong', () => {
    expect(creditCodeProblem('91440300708461136X')).toEqual({ key: 'check', expected: 'T' });
  });

  it('explains length and forbidden characters', () => {
    expect(creditCodeProblem('9144030070846113')).toEqual({ key: 'length', count: 16 });
    expect(creditCodeProblem('9144030O708461136T')).toEqual({ key: 'character', position: 8, character: 'O' });
  });

  it('cleans full-width characters, spaces, dashes and lower case before checking', () => {
    expect(normaliseCreditCode('９１４４０３００７０８４６１１３６ｔ')).toBe('91440300708461136T');
    expect(normaliseCreditCode(' 9144 0300-7084 6113 6t\u3000')).toBe('91440300708461136T');
  });

  it('catches every single-character change of generated codes', () => {
    for (let n = 0; n < 200; n++) {
      const first = Array.from({ length: 17 }, () => ALPHABET.charAt(Math.floor(Math.random() * 31))).join('');
      const code = first + checkCharacter(first);
      expect(creditCodeProblem(code)).toBeNull();
      const pos = Math.floor(Math.random() * 18);
      const other = ALPHABET.charAt((ALPHABET.indexOf(code.charAt(pos)) + 1 + Math.floor(Math.random() * 30)) % 31);
      expect(creditCodeProblem(code.slice(0, pos) + other + code.slice(pos + 1))).not.toBeNull();
    }
  });
});
