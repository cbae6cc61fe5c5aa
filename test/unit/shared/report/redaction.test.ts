import { describe, expect, it } from 'vitest';
import { createRedactor, maskStrings, personNamesIn } from '../../../../shared/report/redaction';

describe('createRedactor', () => {
  it('gives the same value the same mask, numbered in the order the secrets are listed', () => {
    const redactor = createRedactor({
      identityCodes: ['010181-900C', '131052-308T'],
      names: ['Taina Testinen', 'Taina', 'Testinen'],
    });
    expect(redactor.text('131052-308T ja 010181-900C ja 131052-308T')).toBe(
      'HETU-2 ja HETU-1 ja HETU-2',
    );
    expect(redactor.text('Taina Testinen; TAINA; testinen')).toBe('NAME-1; NAME-2; NAME-3');
    expect(redactor.counts()).toEqual({ identityCodes: 2, names: 3 });
  });

  it('masks every hetu-shaped string, listed or not, and keeps timestamps, OIDs and Base64', () => {
    const redactor = createRedactor({ identityCodes: [], names: [] });
    expect(redactor.text('code 020202A123B here')).toBe('code HETU-1 here');
    const untouched = '201308151030-0800 1.2.246.21 QUJD010181-900CREFG';
    expect(redactor.text(untouched)).toBe(untouched);
  });

  it('masks codes that do not look like a hetu when the document lists them', () => {
    const redactor = createRedactor({ identityCodes: ['12345'], names: [] });
    expect(redactor.text('<id extension="12345"/> 123456')).toBe('<id extension="HETU-1"/> 123456');
  });

  it('masks a value the text itself gives under the hetu root, whatever its shape, everywhere in it', () => {
    const redactor = createRedactor({ identityCodes: ['010181-900C'], names: [] });
    expect(redactor.text('TEMP-9 was <id extension="TEMP-9" root="1.2.246.21"/>')).toBe(
      'HETU-2 was <id extension="HETU-2" root="1.2.246.21"/>',
    );
    expect(redactor.text('later: TEMP-9, extension=Q-1 root=1.2.246.21')).toBe(
      'later: HETU-2, extension=HETU-3 root=1.2.246.21',
    );
    expect(redactor.counts().identityCodes).toBe(3);
  });

  it('masks a code written right after "=", as the change list writes ids', () => {
    const redactor = createRedactor({ identityCodes: ['TEMP-1'], names: [] });
    expect(redactor.text('"extension=010181-900C root=1.2.246.21", extension=TEMP-1')).toBe(
      '"extension=HETU-2 root=1.2.246.21", extension=HETU-1',
    );
  });

  it('masks names as whole words only, across any whitespace, longest first', () => {
    const redactor = createRedactor({ identityCodes: [], names: ['Lea', 'Lea Lääkäri', 'X'] });
    expect(redactor.text('Lea\n  Lääkäri, Leatherman, Lea.')).toBe('NAME-2, Leatherman, NAME-1.');
    // One-letter names are not masked alone: they would mask half the text.
    expect(redactor.text('X marks')).toBe('X marks');
  });
});

describe('maskStrings and personNamesIn', () => {
  it('masks every string value, never keys or numbers', () => {
    const masked = maskStrings({ a: ['secret', 2, null], secret: 'secret' }, (text) =>
      text.replace('secret', 'MASK'),
    );
    expect(masked).toEqual({ a: ['MASK', 2, null], secret: 'MASK' });
  });

  it('collects whole names, given and family names and call names from a metadata object', () => {
    const metadata = {
      patient: {
        name: {
          given: ['Taina'],
          family: ['Testinen'],
          prefix: ['Dr'],
          suffix: [],
          formatted: 'Taina Testinen',
          callName: 'Tainu',
        },
      },
      authors: [
        {
          name: {
            given: ['Lea'],
            family: ['Lääkäri'],
            prefix: [],
            suffix: [],
            formatted: 'Lea Lääkäri',
          },
        },
      ],
    };
    expect(personNamesIn(metadata)).toEqual([
      'Taina Testinen',
      'Taina',
      'Testinen',
      'Tainu',
      'Lea Lääkäri',
      'Lea',
      'Lääkäri',
    ]);
  });
});

describe('inflected names (Finnish narrative)', () => {
  const redactor = () =>
    createRedactor({
      identityCodes: [],
      names: ['Maija Virtanen', 'Maija', 'Virtanen', 'Lea', 'Backman'],
    });

  it('masks a name with a case ending and keeps the ending after the mask', () => {
    expect(redactor().text('Maijan, Maijalle, Lea:n ja Backmanille; Leatherman ei.')).toBe(
      'NAME-2:n, NAME-2:lle, NAME-4:n ja NAME-5:ille; Leatherman ei.',
    );
  });

  it('masks a -nen name on its -s- stem with the mask of the name itself', () => {
    expect(redactor().text('Virtasen, Virtaselle ja Virtasta; Maija Virtasen.')).toBe(
      'NAME-3:sen, NAME-3:selle ja NAME-3:sta; NAME-1:sen.',
    );
    // A word that only begins like the stem is not a form of the name.
    expect(redactor().text('Virtauksen')).toBe('Virtauksen');
  });
});
