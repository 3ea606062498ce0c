import type { PageRange } from '@pagewise/react';
import type { CSSProperties } from 'react';

/**
 * Page buttons over `usePageRange`: first, previous, the pages with ellipses, next, last. The
 * prop getters go on real `<button>`s (they carry the ref and focus handlers that keep focus in
 * the row); each ellipsis gets its position, so it names the pages it skips. A page from an
 * estimated count shows as one (`~60`, its name says "estimated").
 */
export function PageRangeNav({ range, style }: { range: PageRange; style?: CSSProperties }) {
  return (
    <nav {...range.getNavProps()} style={{ display: 'flex', gap: 4, ...style }}>
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
    </nav>
  );
}
