/**
 * The keys a walk has yielded, as 64-bit fingerprints in one flat typed array: adding a key
 * hashes its characters once (two 32-bit hashes), probes an open-addressing table and keeps no
 * string — so 100,000 keys cost one `Int32Array` and no garbage to collect, where a `Set` of the
 * strings kept every one alive. Growing moves the fingerprints, never hashes a key again. Two
 * different keys share a fingerprint with odds of about n² / 2⁶⁵ (one walk of 100,000 keys in
 * 10¹⁰): the price of a walk whose de-duplication costs about what computing the keys does.
 *
 * A fingerprint's two halves sit side by side, so a probe reads one cache line, not two. A page
 * is added in two passes — every key hashed first, then every slot probed — so the probes, which
 * miss the cache once the table outgrows it, do not wait on one another; and the table grows at
 * most once per page, before its probes.
 *
 * A table the set outgrew, or left by `release()` when its walk ended, is kept weakly for the
 * next set that needs one of its length: the first touch of fresh memory costs a page fault per
 * 4 KiB — more, on a virtual machine, than hashing and probing every key that fills it — and a
 * job that walks list after list would pay it for every walk. The garbage collector frees a
 * spare table as it would any other.
 */
export class KeySet {
  /** Slot i holds its fingerprint at 2i (never 0: 0 marks an empty slot) and 2i + 1. */
  #slots = emptyTable(2 * 1024);
  #size = 0;
  #hashes = new Int32Array(2 * 64);

  get size(): number {
    return this.#size;
  }

  /** Adds a key; `false` when it was there already. */
  add(key: string): boolean {
    return this.addAll([key], String) === undefined;
  }

  /**
   * Adds the keys of `items`. Returns `undefined` when every one was new; otherwise the items
   * whose key was not there before, in order (an item whose key repeats one earlier in `items`
   * is left out too).
   */
  addAll<T>(items: readonly T[], key: (item: T) => string): T[] | undefined {
    const n = items.length;
    while ((this.#size + n) * 4 > this.#slots.length) this.#grow();
    if (this.#hashes.length < 2 * n) this.#hashes = new Int32Array(2 * n);
    const hashes = this.#hashes;
    for (let k = 0; k < n; k++) fingerprint(key(items[k] as T), hashes, 2 * k);
    const slots = this.#slots;
    const mask = (slots.length >>> 1) - 1;
    let fresh: T[] | undefined;
    let added = 0;
    for (let k = 0; k < n; k++) {
      const h = hashes[2 * k] as number;
      const g = hashes[2 * k + 1] as number;
      for (let i = (g ^ h) & mask; ; i = (i + 1) & mask) {
        const at = slots[2 * i] as number;
        if (at === 0) {
          slots[2 * i] = h;
          slots[2 * i + 1] = g;
          added++;
          fresh?.push(items[k] as T);
          break;
        }
        if (at === h && slots[2 * i + 1] === g) {
          fresh ??= items.slice(0, k);
          break;
        }
      }
    }
    this.#size += added;
    return fresh;
  }

  /** Ends the set: its table is left for the next set to reuse. The set holds no key after. */
  release(): void {
    spare(this.#slots);
    this.#slots = NO_SLOTS;
    this.#size = 0;
  }

  /** Doubles the table at most half full after it: each fingerprint moves, none is hashed again. */
  #grow() {
    const old = this.#slots;
    const slots = emptyTable(Math.max(old.length * 2, 2 * 1024));
    const mask = (slots.length >>> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const h = old[j] as number;
      if (h === 0) continue;
      const g = old[j + 1] as number;
      let i = (g ^ h) & mask;
      while (slots[2 * i] !== 0) i = (i + 1) & mask;
      slots[2 * i] = h;
      slots[2 * i + 1] = g;
    }
    this.#slots = slots;
    spare(old);
  }
}

/** The table of a released set: none (it grows a table when a key comes). */
const NO_SLOTS = new Int32Array(0);

/** Tables no set uses any more, by length, held weakly. */
const spares = new Map<number, WeakRef<Int32Array>>();

function spare(table: Int32Array): void {
  if (typeof WeakRef === 'function' && table.length > 0)
    spares.set(table.length, new WeakRef(table));
}

/** An all-empty table of `length`: a spare one cleared (in place, no fresh memory), else a new one. */
function emptyTable(length: number): Int32Array {
  const table = spares.get(length)?.deref();
  spares.delete(length);
  return table ? table.fill(0) : new Int32Array(length);
}

/** Writes a key's 64-bit fingerprint (FNV-1a and a murmur-style mix; the first half never 0) at `to[at]`, `to[at + 1]`. */
function fingerprint(key: string, to: Int32Array, at: number): void {
  let h = -2128831035; // FNV-1a offset basis
  let g = 0x27d4eb2d;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h = Math.imul(h ^ c, 16777619);
    g = Math.imul(g ^ c, 0x5bd1e995);
    g ^= g >>> 15;
  }
  to[at] = (h ^ key.length) | 1;
  to[at + 1] = Math.imul(g ^ (g >>> 13), 0x85ebca6b);
}
