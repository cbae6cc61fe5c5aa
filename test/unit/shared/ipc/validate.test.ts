import { describe, expect, it } from 'vitest';
import { requestValidators } from '../../../../shared/ipc/contract';
import {
  booleanField,
  emptyRequest,
  integerField,
  objectOf,
  optional,
  stringField,
} from '../../../../shared/ipc/validate';

const shape = objectOf({
  name: stringField({ maxLength: 10 }),
  count: optional(integerField({ min: 1, max: 5 })),
  flag: optional(booleanField()),
});

describe('request validators', () => {
  it('accepts a well-formed request and drops nothing', () => {
    expect(shape({ name: 'abc', count: 2, flag: true }, 'request')).toEqual({
      ok: true,
      value: { name: 'abc', count: 2, flag: true },
    });
  });

  it.each([
    ['null', null, 'request must be an object'],
    ['an array', [], 'request must be an object'],
    ['a string', 'name', 'request must be an object'],
    ['a class instance', new Date(), 'request must be an object'],
    ['an unknown key', { name: 'a', extra: 1 }, "request has an unknown field 'extra'"],
    [
      'a __proto__ key',
      JSON.parse('{"name":"a","__proto__":{"polluted":1}}'),
      "unknown field '__proto__'",
    ],
    ['a constructor key', { name: 'a', constructor: 1 }, "unknown field 'constructor'"],
    ['a wrong type', { name: 5 }, 'request.name must be a string'],
    ['a missing field', {}, 'request.name must be a string'],
    [
      'an oversize string',
      { name: 'x'.repeat(11) },
      'request.name is too long (11 characters, at most 10)',
    ],
    ['a fractional number', { name: 'a', count: 1.5 }, 'request.count must be a whole number'],
    ['NaN', { name: 'a', count: Number.NaN }, 'request.count must be a whole number'],
    ['an out-of-range number', { name: 'a', count: 6 }, 'request.count must be between 1 and 5'],
    ['a string for a boolean', { name: 'a', flag: 'true' }, 'request.flag must be true or false'],
  ])('refuses %s with a message naming the field', (_label, raw, message) => {
    const result = shape(raw, 'request');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toContain(message);
    }
  });

  it('cuts an unknown key in the message so a huge key cannot flood the UI', () => {
    const result = shape({ name: 'a', ['k'.repeat(10_000)]: 1 }, 'request');
    expect(!result.ok && result.error.message.length).toBeLessThan(120);
  });

  it('treats a missing payload as an empty request for argument-less channels', () => {
    expect(emptyRequest(undefined, 'request')).toEqual({ ok: true, value: {} });
    expect(emptyRequest({ a: 1 }, 'request').ok).toBe(false);
  });

  it('caps strings of every channel that takes them', () => {
    expect(
      requestValidators['app:open-external']({ url: 'https://x'.padEnd(5000, 'x') }, 'request').ok,
    ).toBe(false);
    expect(
      requestValidators['app:open-external']({ url: 'https://www.kanta.fi/' }, 'request').ok,
    ).toBe(true);
  });
});
