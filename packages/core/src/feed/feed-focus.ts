/** What Tab can reach: these, when not disabled and not taken out of the order (`tabindex="-1"`). */
const FOCUSABLE = 'a[href],button,input,select,textarea,[tabindex]';

/**
 * The first element Tab reaches after (`1`) or before (`-1`) a feed, outside it: where Ctrl+End
 * and Ctrl+Home move focus (APG feed pattern). `undefined` when there is none.
 */
export function focusableOutside(feed: Element, direction: 1 | -1): HTMLElement | undefined {
  const outside = [...feed.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (e) => e.tabIndex >= 0 && !e.matches(':disabled') && !feed.contains(e),
  );
  const order =
    direction === 1 ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING;
  return (direction === 1 ? outside : outside.reverse()).find(
    (e) => feed.compareDocumentPosition(e) & order,
  );
}
