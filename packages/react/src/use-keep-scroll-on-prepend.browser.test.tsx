import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useKeepScrollOnPrepend } from './use-keep-scroll-on-prepend.js';

/**
 * In Chromium, whose scroll anchoring already keeps content in place on some changes: the item
 * in view must stay exactly where it was (≤ 1 px) when rows are added above it, when a window
 * drops rows above it while adding below, and with anchoring off — never moved twice.
 */
let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  root?.unmount();
  host?.remove();
});

const heightOf = (n: number) => 20 + ((n * 37) % 61);
const control: { set?: (rows: number[]) => void } = {};

/** 40 rows (or none) that `control.set` replaces, in a box whose scroll the hook keeps. */
function useKeptRows(empty = false) {
  const box = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState(() =>
    empty ? [] : Array.from({ length: 40 }, (_, i) => 1000 + i),
  );
  control.set = (next) => flushSync(() => setRows(next));
  useKeepScrollOnPrepend(box, { items: rows, itemKey: String });
  return { box, rows };
}

function Rows({ anchoring, empty = false }: { anchoring: boolean; empty?: boolean }) {
  const { box, rows } = useKeptRows(empty);
  return (
    <div
      ref={box}
      data-testid="box"
      style={{ height: 300, overflow: 'auto', overflowAnchor: anchoring ? 'auto' : 'none' }}
    >
      {empty ? null : <button type="button">Load older</button>}
      <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {rows.map((n) => (
          <li key={n} data-n={n} style={{ height: heightOf(n) }}>
            {n}
          </li>
        ))}
      </ul>
      <div data-testid="sentinel" style={{ height: 1 }} />
    </div>
  );
}

function mount(anchoring: boolean, empty = false) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  flushSync(() => root!.render(<Rows anchoring={anchoring} empty={empty} />));
  return document.querySelector<HTMLElement>('[data-testid="box"]')!;
}
const topOf = (n: number) => document.querySelector(`[data-n="${n}"]`)!.getBoundingClientRect().top;
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

describe.each([true, false])(
  'useKeepScrollOnPrepend in Chromium (native scroll anchoring %s)',
  (anchoring) => {
    it('keeps the item in view in place when rows are added above it, and when a window drops rows above it', async () => {
      const box = mount(anchoring);
      box.scrollTop = 600;
      box.dispatchEvent(new Event('scroll'));
      await frame();
      const seen = [...document.querySelectorAll('li')].find(
        (li) => li.getBoundingClientRect().bottom > box.getBoundingClientRect().top,
      )!;
      const n = Number(seen.dataset.n);
      const before = topOf(n);
      // 20 older rows above.
      control.set!([
        ...Array.from({ length: 20 }, (_, i) => 980 + i),
        ...Array.from({ length: 40 }, (_, i) => 1000 + i),
      ]);
      await frame();
      expect(Math.abs(topOf(n) - before)).toBeLessThanOrEqual(1);
      // A window: 15 rows dropped above, 15 added below, in one change.
      const rows = [...document.querySelectorAll('li')].map((li) =>
        Number((li as HTMLElement).dataset.n),
      );
      control.set!([...rows.slice(15), ...Array.from({ length: 15 }, (_, i) => 2000 + i)]);
      await frame();
      expect(Math.abs(topOf(n) - before)).toBeLessThanOrEqual(1);
    });

    it('the first page landing in an empty list leaves the view at the top (a sentinel below the items is not held in place)', async () => {
      const box = mount(anchoring, true);
      await frame();
      control.set!(Array.from({ length: 40 }, (_, i) => 1000 + i));
      await frame();
      expect(box.scrollTop).toBe(0);
      expect(topOf(1000)).toBeGreaterThanOrEqual(box.getBoundingClientRect().top);
    });

    it('a sentinel above the items (a pixel high, loading earlier pages) is not the item held in place', async () => {
      host = document.createElement('div');
      document.body.append(host);
      root = createRoot(host);
      flushSync(() => root!.render(<TopSentinel anchoring={anchoring} />));
      const box = document.querySelector<HTMLElement>('[data-testid="top-box"]')!;
      await frame();
      const before = topOf(1000);
      control.set!([
        ...Array.from({ length: 20 }, (_, i) => 980 + i),
        ...Array.from({ length: 40 }, (_, i) => 1000 + i),
      ]);
      await frame();
      expect(Math.abs(topOf(1000) - before)).toBeLessThanOrEqual(1);
      expect(box.scrollTop).toBeGreaterThan(0);
    });
  },
);

/** Items as plain text articles directly in the box, under a 1 px sentinel (as a feed renders). */
function TopSentinel({ anchoring }: { anchoring: boolean }) {
  const { box, rows } = useKeptRows();
  return (
    <div
      ref={box}
      data-testid="top-box"
      style={{ height: 300, overflow: 'auto', overflowAnchor: anchoring ? 'auto' : 'none' }}
    >
      <div style={{ height: 1 }} />
      {rows.map((n) => (
        <article key={n} data-n={n} style={{ height: heightOf(n) }}>
          {n}
        </article>
      ))}
    </div>
  );
}
