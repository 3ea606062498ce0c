/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same data set everywhere. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a label into a new seed, so each collection has its own stream. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

/** A version-4-shaped UUID drawn from `random`. */
export function uuid(random: () => number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

const FIRST = [
  'Aiko',
  'Bo',
  'Chen',
  'Dana',
  'Emil',
  'Fatima',
  'Goro',
  'Hana',
  'Ivan',
  'Jun',
  'Kira',
  'Lena',
  'Mei',
  'Nils',
  'Olga',
  'Pavel',
  'Qing',
  'Rin',
  'Sora',
  'Tomas',
  'Uma',
  'Vera',
  'Wei',
  'Yuki',
  'Zoe',
];
const LAST = [
  'Tanaka',
  'Li',
  'Kim',
  'Novak',
  'Ivanova',
  'Sato',
  'Wang',
  'Park',
  'Müller',
  'Horvat',
  'Suzuki',
  'Zhang',
  'Choi',
  'Dvořák',
  'Petrov',
  'Ito',
  'Chen',
  'Lee',
  'Svoboda',
  'Kuznetsov',
];

export function personName(random: () => number): { first: string; last: string } {
  return { first: pick(random, FIRST), last: pick(random, LAST) };
}
