/**
 * The keys a walk has yielded, as 64-bit fingerprints in flat typed arrays: adding a key hashes
 * its characters once (two 32-bit hashes), probes an open-addressing table and keeps no string —
 * so 100,000 keys cost two `Int32Array`s and no garbage to collect, where a `Set` of the strings
 * kept every one alive. Growing moves the fingerprints, never hashes a key again. Two different
 * keys share a fingerprint with odds of about n² / 2⁶⁵ (one walk of 100,000 keys in 10¹⁰): the
 * price of a walk whose de-duplication costs about what computing the keys does.
 */
export class KeySet {
  #high = new Int32Array(1024);
  #low = new Int32Array(1024);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a key; `false` when it was there already. */
  add(key: string): boolean {
    let h = -2128831035; // FNV-1a offset basis
    let g = 0x27d4eb2d;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h = Math.imul(h ^ c, 16777619);
      g = Math.imul(g ^ c, 0x5bd1e995);
      g ^= g >>> 15;
    }
    h = (h ^ key.length) | 1; // 0 marks an empty slot
    g = Math.imul(g ^ (g >>> 13), 0x85ebca6b);
    const mask = this.#high.length - 1;
    for (let i = (g ^ h) & mask; ; i = (i + 1) & mask) {
      const at = this.#high[i]!;
      if (at === 0) {
        this.#high[i] = h;
        this.#low[i] = g;
        if (++this.#size * 2 > this.#high.length) this.#grow();
        return true;
      }
      if (at === h && this.#low[i] === g) return false;
    }
  }

  #grow() {
    const [high, low] = [this.#high, this.#low];
    this.#high = new Int32Array(high.length * 2);
    this.#low = new Int32Array(high.length * 2);
    const mask = this.#high.length - 1;
    for (let j = 0; j < high.length; j++) {
      const h = high[j]!;
      if (h === 0) continue;
      const g = low[j]!;
      let i = (g ^ h) & mask;
      while (this.#high[i] !== 0) i = (i + 1) & mask;
      this.#high[i] = h;
      this.#low[i] = g;
    }
  }
}
