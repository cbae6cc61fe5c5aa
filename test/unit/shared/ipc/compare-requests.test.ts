import { describe, expect, it } from 'vitest';
import { maxLinesPerRequest } from '../../../../shared/ipc/compare-types';
import { requestValidators } from '../../../../shared/ipc/contract';

const compare = requestValidators['documents:compare'];
const pick = requestValidators['documents:pick-file'];
const cancel = requestValidators['documents:cancel-compare'];

const good = {
  compareId: 'c-1',
  left: { profileId: 'sandbox', resourceId: 'doc-1' },
  right: { fileId: 'file-abcdefghijkl' },
  ignoreProfile: 'default',
};

function messageOf(result: { ok: boolean; error?: { message: string } }): string | undefined {
  return result.ok ? undefined : result.error?.message;
}

describe('compare request validators', () => {
  it('accept a document against a chosen file', () => {
    expect(compare(good, 'request')).toEqual({ ok: true, value: good });
    expect(cancel({ compareId: 'c-1' }, 'request').ok).toBe(true);
  });

  it('refuse a side that names neither a document nor a file, or both', () => {
    expect(messageOf(compare({ ...good, left: {} }, 'request'))).toBe(
      'request.left must name a document (profileId and resourceId) or a chosen file (fileId).',
    );
    expect(
      messageOf(
        compare({ ...good, right: { fileId: 'file-abcdefghijkl', profileId: 'x' } }, 'request'),
      ),
    ).toBe("request.right has an unknown field 'profileId'.");
    expect(messageOf(compare({ ...good, left: 'doc-1' }, 'request'))).toBe(
      'request.left must be an object.',
    );
  });

  it('refuse paths where a file id belongs, and odd ids', () => {
    expect(messageOf(compare({ ...good, right: { fileId: '/etc/passwd' } }, 'request'))).toBe(
      'request.right.fileId must be a file id from the file picker.',
    );
    expect(
      messageOf(
        compare({ ...good, left: { profileId: 'sandbox', resourceId: '../x' } }, 'request'),
      ),
    ).toBe('request.left.resourceId must be a FHIR resource id.');
    expect(messageOf(compare({ ...good, ignoreProfile: '../my.json' }, 'request'))).toBe(
      'request.ignoreProfile must be an ignore profile id (lower-case letters, digits and dashes).',
    );
    expect(messageOf(compare({ ...good, extra: 1 }, 'request'))).toBe(
      "request has an unknown field 'extra'.",
    );
  });

  it('take a plain file name for the harness folder, never a path', () => {
    expect(pick({}, 'request')).toEqual({ ok: true, value: {} });
    expect(pick({ name: 'v2 final.xml' }, 'request').ok).toBe(true);
    for (const name of ['../secret.xml', 'a/b.xml', 'a\\b.xml', '..', 'C:x.xml'])
      expect(messageOf(pick({ name }, 'request'))).toBe(
        `"${name}" is not a plain file name. Type only the name of a file in the local files folder, such as v2.xml, without folders (no /, \\, : or ..).`,
      );
  });
});

describe('compare line and narrative request validators', () => {
  const lines = requestValidators['documents:compare-lines'];
  const narrative = requestValidators['documents:compare-narrative'];
  const range = { compareId: 'c-1', side: 'right', start: 0, count: 400 };

  it('accept a range of one side, and a narrative request by comparison id', () => {
    expect(lines(range, 'request')).toEqual({ ok: true, value: range });
    expect(lines({ ...range, count: maxLinesPerRequest }, 'request').ok).toBe(true);
    expect(narrative({ compareId: 'c-1', start: 0, count: 500 }, 'request').ok).toBe(true);
  });

  it('refuse a count over the cap, a negative or fractional start, and an unknown side', () => {
    expect(messageOf(lines({ ...range, count: maxLinesPerRequest + 1 }, 'request'))).toBe(
      `request.count must be between 1 and ${maxLinesPerRequest}.`,
    );
    expect(messageOf(lines({ ...range, count: 0 }, 'request'))).toBe(
      `request.count must be between 1 and ${maxLinesPerRequest}.`,
    );
    expect(messageOf(lines({ ...range, start: -1 }, 'request'))).toMatch(
      /^request\.start must be between 0 and/,
    );
    expect(messageOf(lines({ ...range, start: 1.5 }, 'request'))).toBe(
      'request.start must be a whole number.',
    );
    expect(lines({ ...range, side: 'middle' }, 'request').ok).toBe(false);
    expect(lines({ ...range, extra: 1 }, 'request').ok).toBe(false);
    expect(narrative({ compareId: 'c-1' }, 'request').ok).toBe(false);
    expect(messageOf(narrative({ compareId: 'c-1', start: 0, count: 501 }, 'request'))).toBe(
      'request.count must be between 1 and 500.',
    );
  });
});
