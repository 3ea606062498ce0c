import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LosslessNumber,
  parseLosslessJson,
  stringifyLosslessJson,
  toPlainJson,
} from './lossless-json.js';

describe('lossless JSON', () => {
  it('keeps ids beyond 2^53 exact, where JSON.parse rounds them', () => {
    const text = '{"next":[1684739969.358085,1160406004324630614]}';
    expect(JSON.stringify(JSON.parse(text))).not.toBe(text);
    expect(stringifyLosslessJson(parseLosslessJson(text))).toBe(text);
  });

  it('gives plain values to the application: big integers as strings', () => {
    expect(toPlainJson(parseLosslessJson('{"id":1160406004324630614,"n":2,"f":1.5}'))).toEqual({
      id: '1160406004324630614',
      n: 2,
      f: 1.5,
    });
  });

  it('parses like JSON.parse whenever nothing would be lost', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(toPlainJson(parseLosslessJson(`${text} `))).toEqual(JSON.parse(text));
      }),
    );
  });

  it('round-trips any integer text exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), (n) => {
        // The 20-digit neighbour makes sure the lossless path is taken whatever n is.
        const text = `[${n},"${n}",12345678901234567890]`;
        expect(stringifyLosslessJson(parseLosslessJson(text))).toBe(text);
      }),
    );
  });

  it('keeps a "__proto__" key as data, never as a prototype', () => {
    const parsed = parseLosslessJson(
      '{"__proto__":{"polluted":true},"id":12345678901234567890}',
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'id']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const plain = toPlainJson(JSON.parse('{"__proto__":{"x":1}}')) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['__proto__']);
  });

  it('throws SyntaxError on bad JSON, as JSON.parse does', () => {
    for (const bad of ['{"a":12345678901234567', '<html>', '[1,]12345678901234567', '']) {
      expect(() => parseLosslessJson(bad)).toThrow(SyntaxError);
    }
    expect(new LosslessNumber('12').valueOf()).toBe(12);
  });
});

describe('numbers a double would write back differently, within 2^53', () => {
  it('keeps a trailing zero, an exponent and a negative zero as written', () => {
    for (const text of ['[1684739969.3580850,7]', '[1.0]', '[1E5]', '[-0]', '{"a":[2.50]}'])
      expect(stringifyLosslessJson(parseLosslessJson(text))).toBe(text);
  });
  it('still parses plain JSON with JSON.parse semantics', () => {
    expect(parseLosslessJson('{"a":[1,2.5,"x:1.50"],"b":null}')).toEqual({
      a: [1, 2.5, 'x:1.50'],
      b: null,
    });
  });
});
