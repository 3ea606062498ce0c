import { describe, expect, it } from 'vitest';
import { KeySet } from './key-set.js';

describe('KeySet', () => {
  it('says whether a key is new, through growth, for the shapes keys come in', () => {
    const keys = new KeySet();
    const shapes = (i: number) => [
      String(i),
      `${i}`.padStart(12, '0'),
      `c0ffee00-${i.toString(16).padStart(4, '0')}-4000-8000-00000000beef`,
      `[1684739969.358085,${1160406004324630614n + BigInt(i)}]`,
      `用户-${i}`,
    ];
    for (let i = 0; i < 40_000; i++) for (const k of shapes(i)) expect(keys.add(k)).toBe(true);
    expect(keys.size).toBe(200_000);
    for (let i = 0; i < 40_000; i += 97) for (const k of shapes(i)) expect(keys.add(k)).toBe(false);
    expect(keys.size).toBe(200_000);
  });

  it('tells apart keys that differ only in length or in one character', () => {
    const keys = new KeySet();
    for (const k of ['', 'a', 'aa', 'ab', 'ba', '\u0000', '\u0000\u0000', 'a\u0000']) {
      expect(keys.add(k)).toBe(true);
      expect(keys.add(k)).toBe(false);
    }
  });
});
