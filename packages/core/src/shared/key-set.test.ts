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

  it('adds a page at once: undefined when every key is new, else the items not seen, in order', () => {
    const keys = new KeySet();
    const add = (items: { id: number }[]) => keys.addAll(items, (item) => String(item.id));
    const page = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({ id: from + i }));
    // Pages bigger than the empty table: it grows before the probes.
    expect(add(page(0, 3000))).toBeUndefined();
    expect(keys.size).toBe(3000);
    const overlapping = page(2990, 3010);
    expect(add(overlapping)?.map((item) => item.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => 3000 + i),
    );
    // A key repeated within one page counts once; what came first stays.
    const within = [{ id: 5000 }, { id: 5001 }, { id: 5000 }, { id: 5002 }];
    expect(add(within)).toEqual([{ id: 5000 }, { id: 5001 }, { id: 5002 }]);
    expect(add([])).toBeUndefined();
    expect(keys.size).toBe(3013);
  });

  it('a released set holds no key, and a set built on its table knows none of its keys', () => {
    const first = new KeySet();
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}`);
    expect(first.addAll(keys, String)).toBeUndefined();
    first.release();
    expect(first.size).toBe(0);
    // The next sets grow through the lengths the first one left: each table they take is empty.
    const second = new KeySet();
    const third = new KeySet();
    expect(second.addAll(keys, String)).toBeUndefined();
    expect(third.addAll(keys.slice(0, 20_000), String)).toBeUndefined();
    expect(first.addAll(keys.slice(0, 5), String)).toBeUndefined();
    // Each set still knows its own keys, and only those.
    expect(second.addAll(keys, String)).toEqual([]);
    expect(third.addAll(keys.slice(19_990, 20_010), String)).toEqual(keys.slice(20_000, 20_010));
    expect([first.size, second.size, third.size]).toEqual([5, 50_000, 20_010]);
  });
});
