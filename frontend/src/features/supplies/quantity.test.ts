import { describe, expect, it } from 'vitest';
import { decimals, formatQuantity, quantityProblem, repeatedLine } from './quantity';

describe('quantity rules (the same as the API)', () => {
  it('counts the decimals as typed', () => {
    expect(decimals('1.50')).toBe(1);
    expect(decimals(2)).toBe(0);
    expect(decimals('0.125')).toBe(3);
    expect(decimals(1e-4)).toBe(4);
  });

  it('refuses zero, negative and fractional quantities of a counted item', () => {
    expect(quantityProblem(0, 'COUNT')).toBe('positive');
    expect(quantityProblem(-3, 'COUNT')).toBe('positive');
    expect(quantityProblem(1.5, 'COUNT')).toBe('whole');
    expect(quantityProblem('', 'COUNT')).toBe('required');
    expect(quantityProblem(12, 'COUNT')).toBeNull();
  });

  it('allows kg and litres to 3 decimals, and a count of 0 at a stocktake', () => {
    expect(quantityProblem(2.125, 'KG')).toBeNull();
    expect(quantityProblem('0.0005', 'LITRE')).toBe('decimals');
    expect(quantityProblem(0, 'KG', true)).toBeNull();
    expect(quantityProblem(-1, 'KG', true)).toBe('notNegative');
    expect(quantityProblem(1e12, 'KG')).toBe('tooLarge');
  });

  it('formats quantities without trailing zeros and finds a repeated item', () => {
    expect(formatQuantity('2.500', 'kg')).toBe('2.5 kg');
    expect(formatQuantity(300, '只')).toBe('300 只');
    expect(repeatedLine(['a', 'b', 'a'])).toBe(2);
    expect(repeatedLine(['a', undefined, 'b'])).toBe(-1);
  });
});
