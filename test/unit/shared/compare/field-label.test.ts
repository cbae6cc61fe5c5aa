import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../../../shared/compare/field-label';

describe('fieldLabel', () => {
  it('reads a model path as words, list items counted from 1', () => {
    expect(fieldLabel('authors[0].organisation.ids[0]')).toBe('Author 1 › organisation › id 1');
    expect(fieldLabel('localHeader.patientRegistrySpecifier')).toBe(
      'Local header › patient registry specifier',
    );
    expect(fieldLabel('relatedDocuments[1]')).toBe('Related document 2');
    expect(fieldLabel('effectiveTime')).toBe('Effective time');
    expect(fieldLabel('title')).toBe('Title');
  });

  it('makes list names singular without breaking words that end in s', () => {
    expect(fieldLabel('entries[0]')).toBe('Entry 1');
    expect(fieldLabel('patient.addresses[2]')).toBe('Patient › address 3');
    expect(fieldLabel('patient.name.family[0]')).toBe('Patient › name › family 1');
    expect(fieldLabel('lines[0][2]')).toBe('Line 1.3');
  });
});
