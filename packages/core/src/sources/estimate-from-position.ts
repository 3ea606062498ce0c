/**
 * An `estimateTotal` for a source whose items say how far through the list they lie:
 * `position(item, params)` between 0 (the list's start) and 1 (its end) — a reservation's
 * creation time within the interval a Mews filter asks for, a timestamp within a known range.
 * The estimate is the items seen divided by the position of the last of them: 200 items that
 * reach a quarter of the interval make about 800. `undefined` (or 0: nothing to go by yet) gives
 * no estimate; a position that is not a number from 0 to 1 gives none either, with a development
 * warning that names it.
 *
 * @example
 * const within = (r: Reservation, f?: { from: string; to: string }) =>
 *   f && (Date.parse(f.to) - Date.parse(r.CreatedUtc)) / (Date.parse(f.to) - Date.parse(f.from));
 * const reservations = mewsGetAll<Reservation, Filters>({ …, estimateTotal: estimateFromPosition(within) });
 */
export function estimateFromPosition<T, P = unknown>(
  position: (item: T, params: P | undefined) => number | undefined,
): (seen: { items: number; last: T; params: unknown }) => number | undefined {
  return ({ items, last, params }) => {
    const at = position(last, params as P | undefined);
    if (at === undefined || at === 0) return undefined;
    if (typeof at !== 'number' || !(at > 0 && at <= 1))
      throw new RangeError(
        process.env.NODE_ENV !== 'production'
          ? `estimateFromPosition: the last item's position is ${typeof at === 'string' ? JSON.stringify(at) : String(at)}, not a number from 0 to 1`
          : 'position',
      );
    return items / at;
  };
}
