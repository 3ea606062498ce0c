import { usePageRange } from '@pagewise/react';
import { useState } from 'react';

/**
 * Page buttons alone: a labelled nav of native buttons, `aria-current="page"`, disabled buttons
 * with their reason, ellipses that name the pages they skip, Home/End to the ends — and focus
 * kept in the row when the focused button becomes disabled or leaves it.
 */
export function Pager({ pageCount, initialPage = 0 }: { pageCount: number; initialPage?: number }) {
  const [pageIndex, setPageIndex] = useState(initialPage);
  // A pager of plain values (any pager outside the kit): the same shape a paged table has.
  const range = usePageRange(
    {
      pageIndex,
      pageCount, // -1 when unknown
      canNextPage: pageCount < 0 ? true : pageIndex < pageCount - 1,
      setPageIndex,
    },
    { label: 'Results pages' },
  );
  return (
    <nav {...range.getNavProps()}>
      <button {...range.getFirstProps()}>«</button>
      <button {...range.getPreviousProps()}>‹</button>
      {range.items.map((item) =>
        item.type === 'page' ? (
          <button key={item.index} {...range.getPageProps(item.index)}>
            {item.index + 1}
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
