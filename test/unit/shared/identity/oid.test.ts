import { describe, expect, it } from 'vitest';
import { checkOid, isOid, isUuid } from '../../../../shared/identity/oid';

describe('checkOid', () => {
  it.each([
    '1.2.246.21',
    '1.2.246.10.6794809.93001.2015.413',
    '2.16.840.1.113883.1.3',
    '2.999.1',
    '0.0',
  ])('accepts %s', (value) => {
    expect(isOid(value)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['1', 'syntax'],
    ['1.2.', 'syntax'],
    ['1..2', 'syntax'],
    ['1.2.246.21 ', 'syntax'],
    ['urn:oid:1.2.246.21', 'syntax'],
    ['1.02.3', 'leading-zero'],
    ['3.1', 'first-arc'],
    ['1.40.1', 'second-arc'],
  ])('refuses %j (%s)', (value, problem) => {
    expect(checkOid(value)).toBe(problem);
  });
});

describe('isUuid', () => {
  it('recognises UUID roots used by C-CDA documents', () => {
    expect(isUuid('004bb033-b948-4f4c-b5bf-a8dbd7d8dd40')).toBe(true);
    expect(isUuid('1.2.246.21')).toBe(false);
  });
});
