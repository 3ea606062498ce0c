import type { PageRange } from '@pagewise/react';
import { type CSSProperties, useLayoutEffect, useRef, useState } from 'react';

/**
 * Page buttons over `usePageRange`: first, previous, the pages with ellipses, next, last. The
 * prop getters go on real `<button>`s (they carry the ref and focus handlers that keep focus in
 * the row); each ellipsis gets its position, so it names the pages it skips. A page from an
 * estimated count shows as one (`~60`, its name says "estimated"). With `focusableWhenDisabled`,
 * a disabled control is dimmed, and focusing it shows why beside the row (screen readers hear it
 * as its description).
 */
export function PageRangeNav({ range, style }: { range: PageRange; style?: CSSProperties }) {
  const nav = useRef<HTMLElement>(null);
  const [why, setWhy] = useState('');
  // The reason of the focused control, read after every render and focus move: a control can
  // become disabled (or enabled) under the focus, as Next does on the last page.
  const show = () => {
    const at = document.activeElement as HTMLElement | null;
    const inside = !!at && !!nav.current?.contains(at);
    setWhy(inside && at.getAttribute('aria-disabled') === 'true' ? at.title : '');
  };
  useLayoutEffect(show);
  return (
    <nav
      data-page-range
      {...range.getNavProps()}
      ref={nav}
      onFocus={show}
      onBlur={() => setWhy('')}
      style={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap', ...style }}
    >
      <style>
        {'[data-page-range] [aria-disabled="true"] { opacity: 0.45; cursor: not-allowed; }'}
      </style>
      <button {...range.getFirstProps()}>«</button>
      <button {...range.getPreviousProps()}>‹</button>
      {range.items.map((item) =>
        item.type === 'page' ? (
          <button
            key={item.index}
            {...range.getPageProps(item.index)}
            style={{
              fontWeight: item.current ? 700 : 400,
              fontStyle: item.estimated ? 'italic' : undefined,
            }}
          >
            {item.estimated ? `~${item.index + 1}` : item.index + 1}
          </button>
        ) : (
          <span key={item.position} {...range.getEllipsisProps(item.position)}>
            …
          </span>
        ),
      )}
      <button {...range.getNextProps()}>›</button>
      <button {...range.getLastProps()}>»</button>
      {why && (
        <span aria-hidden="true" style={{ color: '#555', fontSize: 12 }}>
          {why}
        </span>
      )}
    </nav>
  );
}
