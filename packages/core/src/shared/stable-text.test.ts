import { describe, expect, it } from 'vitest';
import { sameValue, stableText } from './stable-text.js';

describe('stableText', () => {
  it('gives equal text for equal values written in any key order, nested too', () => {
    expect(stableText({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: 2 } })).toBe(
      stableText({ a: { c: 2, d: [1, { e: 2, f: 1 }] }, b: 1 }),
    );
    expect(stableText(['x', 1])).not.toBe(stableText([1, 'x']));
  });
});

describe('sameValue', () => {
  it('is true for one reference or equal plain data, false for other objects', () => {
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue(new Date(0), new Date(0))).toBe(false);
    expect(sameValue(undefined, null)).toBe(false);
    // Objects with behaviour (sources, runners) are the same only as the same object.
    const request = () => 1;
    expect(sameValue({ provider: 'a', request }, { provider: 'a', request: () => 2 })).toBe(false);
    expect(sameValue({ provider: 'a', request }, { provider: 'a', request })).toBe(false);
  });
});
