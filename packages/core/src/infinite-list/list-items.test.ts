import { describe, expect, it } from 'vitest';
import { listItems, prependedCount } from './list-items.js';

const key = (item: { id: string }) => item.id;
const items = (...ids: string[]) => ids.map((id) => ({ id }));

describe('listItems', () => {
  it('flattens pages in order and keeps the first of each key, within and across pages', () => {
    const out = listItems([{ items: items('a', 'b', 'a') }, { items: items('b', 'c') }], key);
    expect(out.map(key)).toEqual(['a', 'b', 'c']);
  });
});

describe('prependedCount', () => {
  it('counts items added above the old head', () => {
    expect(prependedCount(items('c', 'd'), items('a', 'b', 'c', 'd'), key)).toBe(2);
  });
  it('is 0 when the list grew below', () => {
    expect(prependedCount(items('a', 'b'), items('a', 'b', 'c'), key)).toBe(0);
  });
  it('is negative when a window dropped items from the top', () => {
    expect(prependedCount(items('a', 'b', 'c', 'd'), items('c', 'd', 'e'), key)).toBe(-2);
  });
  it('is 0 for an empty list on either side, or a list replaced outright', () => {
    expect(prependedCount([], items('a'), key)).toBe(0);
    expect(prependedCount(items('a'), [], key)).toBe(0);
    expect(prependedCount(items('a', 'b'), items('x', 'y'), key)).toBe(0);
  });
});
