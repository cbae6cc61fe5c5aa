import { describe, expect, it } from 'vitest';
import { duplicateVersions } from '../../../../shared/ipc/duplicate-versions';
import type { DocumentRow } from '../../../../shared/ipc/workspace-types';

const row = (resourceId: string, setId: string, versionNumber?: number) =>
  ({
    resourceId,
    documentId: `1.2.246.10.99990001.2026.${resourceId}`,
    setId,
    ...(versionNumber === undefined ? {} : { versionNumber }),
  }) as DocumentRow;

describe('duplicateVersions', () => {
  it('names the other documents of a set that use the same version number', () => {
    const found = duplicateVersions([
      row('50', '1.2.246.10.99990001.2026.50', 1),
      row('53', '1.2.246.10.99990001.2026.50', 1),
      row('51', '1.2.246.10.99990001.2026.50', 2),
    ]);
    expect([...found.keys()].sort()).toEqual(['50', '53']);
    expect(found.get('53')).toBe(
      'Version 1 of set 1.2.246.10.99990001.2026.50 is also used by document 1.2.246.10.99990001.2026.50.',
    );
    expect(found.get('50')).toMatch(/also used by document 1\.2\.246\.10\.99990001\.2026\.53\.$/);
  });

  it('names every other document when more than two share a version', () => {
    const found = duplicateVersions([row('1', 's', 2), row('2', 's', 2), row('3', 's', 2)]);
    expect(found.get('1')).toBe(
      'Version 2 of set s is also used by documents 1.2.246.10.99990001.2026.2, 1.2.246.10.99990001.2026.3.',
    );
  });

  it('leaves alone different sets, and rows without a set or a version', () => {
    const found = duplicateVersions([
      row('1', 'set-a', 1),
      row('2', 'set-b', 1),
      row('3', '', 1),
      row('4', '', 1),
      row('5', 'set-c'),
      row('6', 'set-c'),
    ]);
    expect(found.size).toBe(0);
  });
});
