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

/**
 * The item of a feed nearest to `position` (an item's `aria-posinset`) among those rendered:
 * where focus goes when the focused item left the list (a `maxPages` window dropped it). A
 * virtualized feed renders only what is in view: the nearest of those.
 */
export function articleNear(feed: Element, position: number): HTMLElement | undefined {
  const away = (a: Element) => Math.abs(Number(a.getAttribute('aria-posinset')) - position);
  return [...feed.querySelectorAll<HTMLElement>('[role="article"]')].sort(
    (a, b) => away(a) - away(b),
  )[0];
}
