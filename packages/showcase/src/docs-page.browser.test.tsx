import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { type SetupWorker, setupWorker } from 'msw/browser';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import * as lists from './use-infinite-list.stories.js';
import * as tables from './use-paged-table.stories.js';

// As .storybook/preview.tsx does: one service worker, started once, never reset.
let worker: Promise<SetupWorker> | undefined;
setProjectAnnotations({
  loaders: [
    async (context) => {
      worker ??= (async () => {
        const w = setupWorker();
        await w.start({ onUnhandledRequest: 'bypass', quiet: true });
        return w;
      })();
      (context as { msw?: SetupWorker }).msw = await worker;
      return {};
    },
  ],
});

/**
 * A docs page renders every story of a file in one document, with one service worker: each
 * story must still answer from its own simulators and show the state it is named for.
 */
async function renderAll(stories: Record<string, { load(): Promise<void> }>) {
  const shown: Record<string, HTMLElement> = {};
  const all = Object.entries(stories);
  for (const [, story] of all) await story.load();
  for (const [name, story] of all) {
    const element = document.createElement('div');
    element.dataset.story = name;
    document.body.append(element);
    const Story = story as unknown as () => React.JSX.Element;
    createRoot(element).render(<Story />);
    shown[name] = element;
  }
  return shown;
}

const text = (element: HTMLElement | undefined) => element?.textContent ?? '';

describe('a docs page, every story at once', () => {
  it('usePagedTable: each table shows its own data and state', async () => {
    const { Playground: _, ...rest } = composeStories(tables);
    const shown = await renderAll(rest);
    await expect
      .poll(() => text(shown.DingTalkPageNumbers), { timeout: 8000 })
      .toContain('Showing page 1 of 50');
    await expect.poll(() => text(shown.Empty)).toContain('No rows.');
    await expect.poll(() => text(shown.Empty)).toContain('No pages');
    await expect
      .poll(() => text(shown.OffsetLimitTable))
      .toContain('Showing page 1 of 5 · 95 rows');
    await expect.poll(() => text(shown.ErrorWithRetry)).toContain('BAD_RESPONSE');
    await expect.poll(() => text(shown.LineWorksCursorTable)).toContain('Showing page 1 of many');
    await expect
      .poll(() => shown.MewsCursorTableEndOfData?.querySelectorAll('tbody tr').length)
      .toBe(20);
    expect(text(shown.MewsCursorTableEndOfData)).not.toContain('BAD_RESPONSE');
    expect(text(shown.Loading)).toContain('Loading…');
  });

  it('useInfiniteList: each list shows its own data and state', async () => {
    const { Playground: _, MewsVirtualized100k: __, ...rest } = composeStories(lists);
    const shown = await renderAll(rest);
    await expect
      .poll(() => text(shown.EndOfData), { timeout: 8000 })
      .toContain('7 items · end of data');
    await expect.poll(() => text(shown.DingTalkNextToken)).toContain('50 items');
    await expect.poll(() => text(shown.Empty)).toContain('No items.');
    await expect.poll(() => text(shown.ErrorState)).toContain('BAD_RESPONSE');
    expect(text(shown.EndOfData)).not.toContain('Load more');
  });
});
