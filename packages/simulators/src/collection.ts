/**
 * An ordered, mutable collection of generated items. Items are kept in the vendor's walk order
 * (`compare`), so keyset positions (cursors) stay stable when items are inserted or deleted,
 * while offsets (page numbers) drift — exactly as on a real server.
 *
 * Deleted items stay known by id (a tombstone), so a cursor that names a deleted item still
 * positions a walk, as a database keyset would.
 */
export interface CollectionSpec<T> {
  /** How many items exist at the start. */
  size: number;
  /** Makes all initial items, in any order. Deterministic for a given seed. */
  generate(size: number): T[];
  /**
   * Makes one new item for an insert; `near` is a live item it should sort next to, if any —
   * just before it, or just after it when `after` (an insert at the end of the walk). `previous`
   * is the live item it follows, if any: a new item sorts between `previous` and `near`.
   */
  create(serial: number, near: T | undefined, after: boolean, previous: T | undefined): T;
  id(item: T): string;
  /** Walk order. */
  compare(a: T, b: T): number;
}

export class Collection<T> {
  private live: T[] | undefined;
  private readonly known = new Map<string, T>();
  private serial = 0;

  constructor(private readonly spec: CollectionSpec<T>) {}

  /** The live items in walk order (generated on first use). */
  get items(): readonly T[] {
    return this.materialise();
  }

  get size(): number {
    return this.materialise().length;
  }

  idOf(item: T): string {
    return this.spec.id(item);
  }

  /** Any item ever seen by id, deleted ones too. */
  find(id: string): T | undefined {
    this.materialise();
    return this.known.get(id);
  }

  /** Index of the first live item that does not sort before `probe`. */
  lowerBound(probe: T): number {
    const items = this.materialise();
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.spec.compare(items[mid] as T, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first live item that sorts after `probe`. */
  upperBound(probe: T): number {
    const items = this.materialise();
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.spec.compare(items[mid] as T, probe) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts a new item at walk position `index` (0 = head). Returns it. */
  insertAt(index: number): T {
    const items = this.materialise();
    const clamped = Math.max(0, Math.min(index, items.length));
    const [previous, before] = [items[clamped - 1], items[clamped]];
    const serial = ++this.serial;
    let item = this.spec.create(serial, before ?? previous, !before, previous);
    // An id is never given twice, as a database's is not: a new item whose id a deleted one had
    // (3 again at the head, after 1–3 were deleted) is placed after that one instead.
    for (let i = 0; i < 64 && this.known.has(this.spec.id(item)); i++)
      item = this.spec.create(
        serial,
        before ?? previous,
        !before,
        this.known.get(this.spec.id(item)),
      );
    const at = this.lowerBound(item);
    items.splice(at, 0, item);
    this.known.set(this.spec.id(item), item);
    return item;
  }

  /** Deletes the live item at walk position `index`. Returns it. */
  deleteAt(index: number): T | undefined {
    const items = this.materialise();
    if (index < 0 || index >= items.length) return undefined;
    const [removed] = items.splice(index, 1);
    return removed;
  }

  private materialise(): T[] {
    if (!this.live) {
      const items = this.spec.generate(this.spec.size);
      items.sort(this.spec.compare);
      for (const item of items) this.known.set(this.spec.id(item), item);
      this.live = items;
    }
    return this.live;
  }
}
