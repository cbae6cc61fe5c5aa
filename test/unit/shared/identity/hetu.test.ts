import { describe, expect, it } from 'vitest';
import { findHetuCandidates, parseHetu } from '../../../../shared/identity/hetu';

// Control characters below were computed by hand from int(DDMMYYNNN) mod 31 (DOMAIN.md §5).
describe('parseHetu: century signs', () => {
  it.each([
    ['+', '1881'],
    ['-', '1981'],
    ['Y', '1981'],
    ['X', '1981'],
    ['W', '1981'],
    ['V', '1981'],
    ['U', '1981'],
    ['A', '2081'],
    ['B', '2081'],
    ['C', '2081'],
    ['D', '2081'],
    ['E', '2081'],
    ['F', '2081'],
  ])('accepts "%s" as a sign of the %s birth year and keeps it', (sign, year) => {
    const check = parseHetu(`010181${sign}900C`);
    expect(check).toEqual({
      value: `010181${sign}900C`,
      valid: true,
      birthDate: `${year}-01-01`,
      centurySign: sign,
      isTestCode: true,
      sex: 'female',
    });
  });

  it.each(['G', 'Z', '*', 'a', '/'])('refuses "%s" as a century sign', (sign) => {
    const check = parseHetu(`010181${sign}900C`);
    expect(check.valid).toBe(false);
    expect(check.reason).toBe('century-sign');
    expect(check.message).toBe(`"${sign}" is not a century sign.`);
  });
});

describe('parseHetu: control character', () => {
  it.each([
    ['010181-900D', 'C'],
    ['010181-9000', 'C'],
    ['030810A999Y', '6'], // as written in ESIM lääkemääräys_laaja_kaikki_tietokentat.xml
  ])('flags %s (expected %s)', (value, expected) => {
    const check = parseHetu(value);
    expect(check.valid).toBe(false);
    expect(check.reason).toBe('control-character');
    expect(check.message).toContain(`should be "${expected}"`);
    // Still a test code: the individual number is read even when the code is wrong.
    expect(check.isTestCode).toBe(true);
  });

  it('checks the control character with letters skipped (no G, I, O, Q, Z)', () => {
    expect(parseHetu('311299-9019').valid).toBe(true);
    expect(parseHetu('150523A9443').valid).toBe(true);
  });
});

describe('parseHetu: calendar dates', () => {
  it.each([
    ['310281-900J', '31.2.1981'],
    ['290201A900L', '29.2.2001'],
    ['290200-002C', '29.2.1900'], // 1900 is not a leap year
    ['000181-900C', '0.1.1981'],
    ['011381-900C', '1.13.1981'],
  ])('refuses %s (%s)', (value, date) => {
    const check = parseHetu(value);
    expect(check.reason).toBe('date');
    expect(check.message).toBe(`${date} is not a real date.`);
  });

  it('accepts 29 February in leap years, including 2000', () => {
    expect(parseHetu('290204A900C').valid).toBe(true);
    expect(parseHetu('290200A002C').birthDate).toBe('2000-02-29');
  });
});

describe('parseHetu: individual number', () => {
  it.each([
    ['010181-000B', false, 'individual-number'],
    ['010181-001C', false, 'individual-number'],
  ])('refuses %s', (value, valid, reason) => {
    expect(parseHetu(value)).toMatchObject({ valid, reason, isTestCode: false });
  });

  it.each([
    ['010181-002D', false, 'female'],
    ['010181-899B', false, 'male'],
    ['010181-900C', true, 'female'],
    ['010181-999K', true, 'male'],
  ])('reads %s: test code %s, %s', (value, isTestCode, sex) => {
    expect(parseHetu(value)).toMatchObject({ valid: true, isTestCode, sex });
  });

  it('flags a real (non-test) code from the corpus as valid but not a test code', () => {
    // LM_annosjakelu.xml carries 050775-0251 as the patient.
    expect(parseHetu('050775-0251')).toMatchObject({ valid: true, isTestCode: false });
  });
});

describe('parseHetu: format', () => {
  it.each(['', '010181-900', '010181-900CC', ' 010181-900C', 'XXXXXX-XX8X', '0101819-900C'])(
    'refuses %j as malformed',
    (value) => {
      expect(parseHetu(value)).toMatchObject({ valid: false, reason: 'format', isTestCode: false });
    },
  );
});

describe('parseHetu: no case folding', () => {
  it('does not accept a lower-case control character', () => {
    expect(parseHetu('010181-900c')).toMatchObject({ valid: false, reason: 'control-character' });
  });
});

describe('findHetuCandidates', () => {
  it('finds codes in prose, including invalid ones', () => {
    expect(findHetuCandidates('Potilas 010181-900C ja 030810A999Y (huoltaja).')).toEqual([
      '010181-900C',
      '030810A999Y',
    ]);
  });

  it.each([
    '201308151030-0800',
    '20130815223615-0800',
    '1.2.246.10.6794809.93001.2015.413',
    '5a784260-6856-4f38-9638-80c751aff2fb',
    'Y98b959QFM62NBWwSDKocnO28Nc=/123456-789A',
    '13.5.2014 - 9.10.2014',
    '1234567-1',
    'tel:+358010181-900C',
  ])('ignores %j', (text) => {
    expect(findHetuCandidates(text)).toEqual([]);
  });
});

describe('findHetuCandidates on many texts in a row (one shared pattern)', () => {
  it('finds the same codes again on the next call, after a text without any and a short one', () => {
    const text = `${'x'.repeat(50)} 010181-900C ${'y'.repeat(50)} 030810A999Y`;
    expect(findHetuCandidates(text)).toEqual(['010181-900C', '030810A999Y']);
    expect(findHetuCandidates('no codes in this text at all')).toEqual([]);
    expect(findHetuCandidates('010181-900')).toEqual([]);
    expect(findHetuCandidates(text)).toEqual(['010181-900C', '030810A999Y']);
    expect(findHetuCandidates('010181-900C')).toEqual(['010181-900C']);
  });

  it('finds a code that a previous call stopped after (the position is not carried over)', () => {
    expect(findHetuCandidates('aaaaaaaaaaaaaaaaaaaaaaaaa 010181-900C')).toEqual(['010181-900C']);
    expect(findHetuCandidates('010181-900C bbbbbbbbbbbbbbbbbbbbbb')).toEqual(['010181-900C']);
  });
});
