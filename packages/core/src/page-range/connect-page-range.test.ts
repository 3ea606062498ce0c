import { describe, expect, it } from 'vitest';
import { connectPageRange, type Pager } from './connect-page-range.js';

const pager = (overrides: Partial<Pager> = {}): Pager & { went: number[]; intents: number[] } => {
  const went: number[] = [];
  const intents: number[] = [];
  return {
    pageIndex: 0,
    pageCount: 20,
    setPageIndex: (i) => went.push(i),
    prefetchPage: (i) => intents.push(i),
    went,
    intents,
    ...overrides,
  };
};

describe('page range connect', () => {
  it('labels pages and ellipses, marks the page shown current and the one requested busy', () => {
    const range = connectPageRange(pager({ pageIndex: 9, shownPageIndex: 8 }));
    expect(range.label).toBe('Pagination');
    expect(range.ellipsis('start')).toBe('Pages 2 to 8 not shown');
    expect(range.ellipsis('end')).toBe('Pages 12 to 19 not shown');
    expect(range.page(8)).toMatchObject({ label: 'Page 9', current: true, busy: false });
    expect(range.page(9)).toMatchObject({ current: false, busy: true, reason: undefined });
  });

  it('while nothing is on screen yet (a link to page 4 loading), no page is current and page 4 is busy', () => {
    const loading = connectPageRange(pager({ pageIndex: 3, isLoading: true }));
    expect(loading.page(3)).toMatchObject({ current: false, busy: true });
    const landed = connectPageRange(pager({ pageIndex: 3 }));
    expect(landed.page(3)).toMatchObject({ current: true, busy: false });
  });

  it('old rows standing in for the page requested (a new sort loading) make it current and busy', () => {
    const sorting = connectPageRange(
      pager({ pageIndex: 0, pageCount: -1, isPlaceholderData: true }),
    );
    expect(sorting.page(0)).toMatchObject({ current: true, busy: true });
    const sorted = connectPageRange(pager({ pageIndex: 0, pageCount: -1 }));
    expect(sorted.page(0)).toMatchObject({ current: true, busy: false });
  });

  it('a page that failed to load is not busy, and pressing it again tries it again', () => {
    let retried = 0;
    const failed = pager({
      pageIndex: 9,
      shownPageIndex: 8,
      error: new Error('502'),
      retry: () => retried++,
    });
    const range = connectPageRange(failed);
    expect(range.page(9)).toMatchObject({ current: false, busy: false });
    range.page(9).press();
    expect([retried, failed.went]).toEqual([1, []]);
    range.page(8).press();
    expect(failed.went).toEqual([8]);
  });

  it('a page far off that failed, the rows of the page before on screen: the row is about the page shown', () => {
    const failed = pager({
      pageIndex: 4,
      shownPageIndex: 1,
      pageCount: 25,
      error: new Error('503'),
    });
    const range = connectPageRange(failed);
    const pages = range.items.flatMap((i) => (i.type === 'page' ? [i.index] : []));
    expect(pages).toContain(1);
    expect(range.page(1)).toMatchObject({ current: true, busy: false });
    expect(range.ellipsis('start')).toBeUndefined();
    expect(range.ellipsis('end')).toBe('Pages 6 to 24 not shown');
    expect(range.status).toBe('Page 2 of 25');
    // Previous and Next go on from the page shown, not from the one that failed.
    expect([range.previous().target, range.next().target]).toEqual([0, 2]);
    expect([range.previous().reason, range.next().reason]).toEqual([undefined, undefined]);
    range.next().press();
    expect(failed.went).toEqual([2]);
    // A link far off that failed, the count only estimated: Next is not "the last page".
    const far = connectPageRange(
      pager({
        pageIndex: 29,
        shownPageIndex: 2,
        pageCount: -1,
        canNextPage: false,
        estimatedPageCount: 40,
        error: new Error('503'),
      }),
    );
    expect(far.next()).toMatchObject({ target: 3, reason: undefined });
    expect(far.page(2).current).toBe(true);
    // First and Last too: the last page failed with the first shown — First is where it stands,
    // Last tries the last page again; a page far off failed with the first shown — the same.
    const lastFailed = pager({
      pageIndex: 4999,
      shownPageIndex: 0,
      pageCount: 5000,
      error: new Error('503'),
    });
    const atLast = connectPageRange(lastFailed);
    expect(atLast.first().reason).toBe('this is the first page');
    expect(atLast.last()).toMatchObject({ target: 4999, reason: undefined });
    atLast.last().press();
    expect(lastFailed.went).toEqual([]); // the page requested: tried again, not asked anew
    const farFailed = connectPageRange(
      pager({ pageIndex: 4, shownPageIndex: 0, pageCount: 25, error: new Error('503') }),
    );
    expect([farFailed.first().reason, farFailed.previous().reason]).toEqual([
      'this is the first page',
      'this is the first page',
    ]);
    // While it loads (no failure), the row is about the page coming: it is busy.
    const loading = connectPageRange(pager({ pageIndex: 4, shownPageIndex: 1, pageCount: 25 }));
    expect(loading.page(4)).toMatchObject({ current: false, busy: true });
  });

  it('a first page that failed shows nothing: no page is current, and Next is not known yet (not "the last page")', () => {
    let retried = 0;
    const failed = pager({
      pageIndex: 0,
      shownPageIndex: 0, // as a paged table says it: nothing else shown
      pageCount: -1,
      canNextPage: false,
      error: new Error('503'),
      retry: () => retried++,
    });
    const range = connectPageRange(failed);
    expect(range.page(0)).toMatchObject({ current: false, busy: false });
    expect(range.next().reason).toBe('the next page is not known yet');
    expect(range.last().reason).toBe('the number of pages is not known yet');
    expect(range.status).toBe('Page 1');
    range.page(0).press();
    expect(retried).toBe(1);
    // With a count known, a failed page with nothing shown is not current either.
    const known = connectPageRange(
      pager({ pageIndex: 4, shownPageIndex: 4, error: new Error('503') }),
    );
    expect(known.page(4)).toMatchObject({ current: false, busy: false });
    // A pager of plain values that says nothing of what is shown keeps its page current.
    const plain = connectPageRange(pager({ pageIndex: 4, error: new Error('503') }));
    expect(plain.page(4)).toMatchObject({ current: true, busy: false });
  });

  it('offers the estimated last pages as estimates while the count is unknown, and says "about"', () => {
    const unknown = { pageIndex: 6, pageCount: -1, canNextPage: true };
    const range = connectPageRange(
      pager({
        ...unknown,
        estimatedPageCount: 60,
        pageDisabledReason: (i) => (i > 7 ? 'too far' : undefined),
      }),
    );
    expect(range.status).toBe('Page 7 of about 60');
    const pages = range.items.flatMap((i) => (i.type === 'page' ? [i] : []));
    expect(pages.map((p) => [p.index, !!p.estimated])).toEqual([
      [0, false],
      [5, false],
      [6, false],
      [7, false],
      [59, true],
    ]);
    expect(range.page(59)).toMatchObject({ label: 'Page 60, estimated', reason: 'too far' });
    expect(range.page(7)).toMatchObject({ label: 'Page 8', reason: undefined });
    // The ellipsis before an estimated page does not claim the pages it skips either.
    expect(range.ellipsis('end')).toBe('Pages 9 to about 59 not shown');
    // The last page is not claimed: Last stays disabled until the count is known.
    expect(range.last().reason).toBe('the number of pages is not known yet');
    // Once known, the estimate is gone.
    const known = connectPageRange(pager({ pageIndex: 6, pageCount: 58, estimatedPageCount: 60 }));
    expect(known.status).toBe('Page 7 of 58');
    expect(known.items.some((i) => i.type === 'page' && i.estimated)).toBe(false);
    expect(connectPageRange(pager(unknown)).status).toBe('Page 7');
  });

  it('an estimate no further than the pages known still ends the row in "more pages" (it was too low)', () => {
    // Mews over a week estimated from its first day: "about 3" while page 3 has a next.
    const low = connectPageRange(
      pager({
        pageIndex: 0,
        pageCount: -1,
        canNextPage: true,
        estimatedPageCount: 3,
        knownPageCount: 3,
      }),
    );
    expect(low.items.map((i) => (i.type === 'page' ? i.index : i.position))).toEqual([
      0,
      1,
      2,
      'beyond',
    ]);
    expect(low.ellipsis('beyond')).toBe('More pages after page 3');
    expect(low.items.some((i) => i.type === 'page' && i.estimated)).toBe(false);
  });

  it('does not mark pages known to exist as estimates (read before, then back to the first page)', () => {
    const back = { pageIndex: 0, pageCount: -1, canNextPage: true, estimatedPageCount: 60 };
    const estimatedOf = (range: ReturnType<typeof connectPageRange>) =>
      range.items.flatMap((i) => (i.type === 'page' ? [[i.index, !!i.estimated]] : []));
    // Pages 1 to 13 were read: only the estimated last page is an estimate.
    const range = connectPageRange(pager({ ...back, knownPageCount: 13 }));
    expect(estimatedOf(range)).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [59, true],
    ]);
    expect(range.page(4).label).toBe('Page 5');
    expect(range.ellipsis('end')).toBe('Pages 6 to about 59 not shown');
    // Without it, only the page after the current one is known.
    expect(estimatedOf(connectPageRange(pager(back))).filter(([, e]) => !e)).toEqual([
      [0, false],
      [1, false],
    ]);
  });

  it('without an estimate, offers the pages known to exist and names the ones that may follow', () => {
    // A cursor table walked to page 10, then back to page 3: page 10 is still a press away.
    const range = connectPageRange(
      pager({ pageIndex: 2, pageCount: -1, canNextPage: true, knownPageCount: 10 }),
    );
    expect(
      range.items.flatMap(
        (i): Array<number | string> => (i.type === 'page' ? [i.index + 1] : [i.position]),
      ),
    ).toEqual([1, 2, 3, 4, 5, 'end', 10, 'beyond']);
    expect(range.page(9).label).toBe('Page 10');
    expect(range.page(9).reason).toBeUndefined();
    expect(range.ellipsis('end')).toBe('Pages 6 to 9 not shown');
    expect(range.ellipsis('beyond')).toBe('More pages after page 10');
    expect(range.status).toBe('Page 3');
    expect(range.last().reason).toBe('the number of pages is not known yet');
  });

  it('with no rows at all (a search that found nothing), says so rather than "not known yet"', () => {
    const empty = connectPageRange(pager({ pageCount: 0, canNextPage: false }));
    expect(empty.status).toBe('No rows');
    expect(empty.next().reason).toBe('there are no rows');
    expect(empty.last().reason).toBe('there are no rows');
    // While the first page loads, a count of 0 is not yet "no rows".
    const loading = connectPageRange(pager({ pageCount: 0, canNextPage: false, isLoading: true }));
    expect(loading.status).toBe('Page 1');
    expect(loading.last().reason).toBe('the number of pages is not known yet');
  });

  it('says every word through messages', () => {
    const range = connectPageRange(pager({ pageIndex: 0, pageCount: -1, canNextPage: true }), {
      label: 'Seiten',
      messages: {
        page: (n) => `Seite ${n}`,
        atFirst: 'erste Seite',
        more: (n) => `mehr nach ${n}`,
        countUnknown: 'unbekannt',
      },
    });
    expect(range.label).toBe('Seiten');
    expect(range.page(1).label).toBe('Seite 2');
    expect(range.previous().reason).toBe('erste Seite');
    expect(range.ellipsis('beyond')).toBe('mehr nach 2');
    expect(range.last().reason).toBe('unbekannt');
    // Without a label, the navigation's name is a message too.
    const unlabelled = connectPageRange(pager(), { messages: { navigation: 'Seitennavigation' } });
    expect(unlabelled.label).toBe('Seitennavigation');
  });

  it('disables Previous with the pager’s reason when it says it cannot go back (a link-opened cursor table)', () => {
    const range = connectPageRange(
      pager({
        pageIndex: 12,
        pageCount: -1,
        canPreviousPage: false,
        canNextPage: true,
        pageDisabledReason: (i) => (i < 12 ? 'v cannot page backwards' : undefined),
      }),
    );
    expect(range.previous().reason).toBe('v cannot page backwards');
    range.previous().press();
    expect(range.next().reason).toBeUndefined();
  });

  it('on a page past the end (a stale link rendered before the table moves it), Previous goes to the last page', () => {
    const p = pager({ pageIndex: 998, pageCount: 100, canPreviousPage: false, canNextPage: false });
    const range = connectPageRange(p);
    expect(range.previous()).toMatchObject({ target: 99, reason: undefined });
    range.previous().press();
    expect(p.went).toEqual([99]);
    expect(range.next().reason).toBe('this is the last page');
  });

  it('presses and intends only what is enabled and not already requested', () => {
    const p = pager({ pageIndex: 2, pageDisabledReason: (i) => (i === 5 ? 'no' : undefined) });
    const range = connectPageRange(p);
    range.page(5).press();
    range.page(5).intend();
    range.page(2).press();
    range.page(3).intend();
    range.next().press();
    expect(p.went).toEqual([3]);
    expect(p.intents).toEqual([3]);
    expect(range.pageDisabledReason(5)).toBe('no');
  });

  it('Home and End go to the ends when they can be reached; the last page ends Next and Last', () => {
    expect(connectPageRange(pager({ pageIndex: 3 })).keyTarget('End')).toBe(19);
    expect(
      connectPageRange(pager({ pageIndex: 3, pageCount: -1 })).keyTarget('End'),
    ).toBeUndefined();
    expect(connectPageRange(pager({ pageIndex: 3 })).keyTarget('Home')).toBe(0);
    // A count not known but estimated: End goes where the row's estimated last page does.
    const estimated = { pageIndex: 1, pageCount: -1, canNextPage: true, estimatedPageCount: 30 };
    const about = connectPageRange(pager(estimated));
    expect(about.keyTarget('End')).toBe(29);
    expect(about.page(29).label).toBe('Page 30, estimated');
    const far = connectPageRange(pager({ ...estimated, pageDisabledReason: () => 'too far' }));
    expect(far.keyTarget('End')).toBeUndefined();
    // The estimated last page beyond a walk: End goes as far toward it as a walk goes.
    const walk = connectPageRange(
      pager({ ...estimated, pageDisabledReason: (i) => (i > 11 ? 'too far' : undefined) }),
    );
    expect(walk.keyTarget('End')).toBe(11);
    expect(walk.keyTarget('Home')).toBe(0);
    // Pages 41 to 52 known from a link: End goes as far as a walk from there goes, as a link to
    // the estimated last page does.
    const linked = connectPageRange(
      pager({
        ...estimated,
        estimatedPageCount: 60,
        pageDisabledReason: (i) => (i <= 11 || (i >= 40 && i <= 51) ? undefined : 'too far'),
      }),
    );
    expect(linked.keyTarget('End')).toBe(51);
    const atEnd = connectPageRange(pager({ pageIndex: 19 }));
    expect(atEnd.next().reason).toBe('this is the last page');
    expect(atEnd.last().reason).toBe('this is the last page');
    expect(connectPageRange(pager({ pageIndex: 3, pageCount: -1 })).last().reason).toBe(
      'the number of pages is not known yet',
    );
  });

  it('while the first page loads, Next is not known yet — not "the last page"', () => {
    const loading = connectPageRange(
      pager({ pageIndex: 0, pageCount: -1, canNextPage: false, isLoading: true }),
    );
    expect(loading.next().reason).toBe('the next page is not known yet');
    expect(loading.last().reason).toBe('the number of pages is not known yet');
    const ended = connectPageRange(pager({ pageIndex: 0, pageCount: -1, canNextPage: false }));
    expect(ended.next().reason).toBe('this is the last page');
  });

  it('sends focus lost from a control to the page asked for, then the page requested, then the nearest control', () => {
    expect(connectPageRange(pager({ pageIndex: 4, shownPageIndex: 3 })).focusOrder(7)).toEqual([
      7,
      4,
      3,
      'next',
      'previous',
      'first',
      'last',
    ]);
  });
});
