import { describe, expect, it } from 'vitest';
import { pageKeyText, scopeText } from './page-key.js';

describe('page keys', () => {
  const key = (scope: unknown[], cursor: string | null = null) =>
    ({ scope, cursor, direction: 'after', size: 20 }) as const;

  it('are equal for equal scopes however their parameters were written', () => {
    expect(pageKeyText(key(['s', { b: 1, a: 2 }]))).toBe(pageKeyText(key(['s', { a: 2, b: 1 }])));
    expect(scopeText(['s', { b: 1, a: 2 }])).toBe(scopeText(['s', { a: 2, b: 1 }]));
  });

  it('differ by cursor, size, direction and scope', () => {
    const base = key(['s']);
    const texts = new Set([
      pageKeyText(base),
      pageKeyText({ ...base, cursor: 'c' }),
      pageKeyText({ ...base, size: 40 }),
      pageKeyText({ ...base, direction: 'before' }),
      pageKeyText(key(['t'])),
    ]);
    expect(texts.size).toBe(5);
  });
});
