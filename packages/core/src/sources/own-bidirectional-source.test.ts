import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { parseLosslessJson, toPlainJson } from '../lossless-json.js';
import { paginate } from '../paginate.js';
import { PaginationError } from '../pagination-error.js';
import { readItems, readPosition } from '../read-page-fields.js';
import { dashlyAuth } from '../vendors/dashly.js';
import { defineCursorSource } from './define-source.js';

/**
 * A source of one's own that pages both ways over a positions API — the Dashly simulator's
 * conversation parts, ids beyond 2^53 written as raw JSON numbers — built with the public
 * `define` helpers the way docs/custom-sources.md shows: positions read with `readPosition`,
 * numbers kept exact with `parseLosslessJson`.
 */
interface Message {
  id: string;
  body: string;
}

const messages = defineCursorSource<Message>({
  provider: 'support-chat',
  limits: { min: 1, max: 50, default: 20 },
  directions: ['after', 'before', 'around'],
  key: (m) => m.id,
  cursorForKey: (id) => (/^\d+$/.test(id) ? `[${id}]` : undefined),
  auth: dashlyAuth,
  decode: parseLosslessJson,
  request: ({ cursor, direction, size }) => ({
    method: 'GET',
    path: '/conversations/1/parts',
    query: {
      paginate_count: String(size),
      // Newest first: further down the list is Dashly's `before`.
      paginate_direction:
        direction === 'after' ? 'before' : direction === 'before' ? 'after' : 'around',
      paginate_page_order: 'desc',
      paginate_position: cursor ?? undefined,
      paginate_including: direction === 'around' ? 'true' : undefined,
    },
  }),
  parse: (body) => ({
    items: (
      toPlainJson(readItems<unknown>('support-chat', body, 'data')) as Array<{
        id: unknown;
        body: string;
      }>
    ).map((m) => ({ id: String(m.id), body: m.body })),
    next: readPosition('support-chat', body, 'meta.next_before_position'),
    prev: readPosition('support-chat', body, 'meta.next_after_position'),
  }),
});

describe('a bidirectional source of one’s own, with readPosition', () => {
  it('walks down and back up a positions API with ids beyond 2^53 kept exact', async () => {
    const v = simulatedVendors({ dashly: { sizes: { parts: 95 } } });
    const down = await paginate(messages, { runner: v.runners.dashly, size: 20 }).toArray();
    expect(down).toHaveLength(95);
    expect(down.every((m) => BigInt(m.id) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
    const ids = down.map((m) => m.id);
    // Back up from the oldest message's position, in list order ("before" = toward the newest).
    const oldest = ids.at(-1)!;
    const up = await paginate(messages, {
      runner: v.runners.dashly,
      size: 20,
      direction: 'before',
      from: messages.cursorForKey!(oldest)!,
    }).toArray();
    expect(up).toHaveLength(94);
    expect(new Set(up.map((m) => m.id))).toEqual(new Set(ids.slice(0, -1)));
  });

  it('opens around an id typed by a user (a jump), and refuses a position that is not one', async () => {
    const v = simulatedVendors({ dashly: { sizes: { parts: 60 } } });
    const all = await paginate(messages, { runner: v.runners.dashly, size: 50 }).toArray();
    const target = all[30]!.id;
    const page = await v.runners.dashly.fetchPage(messages, {
      cursor: messages.cursorForKey!(target)!,
      direction: 'around',
      size: 10,
    });
    expect(page.items.map((m) => m.id)).toContain(target);
    expect(page.next).not.toBeNull();
    expect(page.prev).not.toBeNull();
    expect(() => readPosition('support-chat', { meta: { p: { id: 1 } } }, 'meta.p')).toThrow(
      PaginationError,
    );
    expect(
      readPosition('x', parseLosslessJson('{"p":[1712000000,1160406004324630614]}'), 'p'),
    ).toBe('[1712000000,1160406004324630614]');
    expect(readPosition('x', parseLosslessJson('{"p":1160406004324630614}'), 'p')).toBe(
      '1160406004324630614',
    );
  });
});
