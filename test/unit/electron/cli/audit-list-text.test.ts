/**
 * `archivist audit list` as text (review 10, finding 6): an environment column, lines of at most
 * 120 columns, and `--document` finding a record by the document id, the bare resource id or
 * `DocumentReference/<id>`, through the journal's own reading (its substring scan included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../../electron/services/audit/journal';
import { invalidationEvent, readEvent } from '../../../../shared/audit/builders';
import { withResourceReference } from '../../../../shared/audit/resource-reference';
import { runArchivist as run } from '../../support/run-cli';
import { ctx, tempHome } from '../services/audit/support';

const oid = '1.2.246.10.99990001.2026.303';
const production = {
  ...ctx,
  environment: { name: 'Kanta PRODUCTION (real patients)', baseUrl: 'http://127.0.0.1:18084' },
};
const investigation = { ...ctx, environment: { name: 'inv', baseUrl: 'http://127.0.0.1:1' } };
let home = '';

beforeAll(async () => {
  home = tempHome();
  const journal = await openJournal(home);
  if (!journal.ok) throw new Error(journal.error.message);
  journal.value.append(readEvent(ctx, oid, '280222F916W')); // a local file: no environment
  journal.value.append(
    withResourceReference(readEvent(production, oid, '280222F916W'), 'seed-doc-303'),
  );
  journal.value.append(
    invalidationEvent(investigation, {
      documentId: 'DocumentReference/seed-doc-303',
      hetu: '280222F916W',
      reason: 'wrong-document',
      comment: `header date disagrees with metadata\n${'see the ticket '.repeat(12)}`,
    }),
  );
  journal.value.append(readEvent(investigation, '1.2.246.10.99990001.2026.3030'));
  journal.value.close();
});

/** The sequences of the records a text listing shows (the first column of its record lines). */
function sequences(stdout: string): number[] {
  return stdout
    .split('\n')
    .filter((line) => /^\d/.test(line))
    .map((line) => Number(line.split(' ')[0]));
}

describe('audit list as text', () => {
  it('names the environment and keeps every line within 120 columns', async () => {
    const { code, stdout } = await run(['audit', 'list', '--home', home]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^seq +recorded +kind +action +outcome +environment +operator$/);
    expect(lines[1]).toMatch(/^1 +\S+ +read +R +0 +- +Tessa Testaaja \(1234567\)$/);
    expect(lines[3]).toMatch(/^2 +\S+ +read +R +0 +Kanta PRODUCTION \(rea… +Tessa/);
    expect(lines[4]).toBe(
      `     patient 280222F916W  document ${oid} DocumentReference/seed-doc-303`,
    );
    expect(stdout).toContain('comment=header date disagrees with metadata?see the ticket');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    expect(lines.filter((line) => line.startsWith('     see the ticket')).length).toBe(1);
  });

  it('--document finds a record by the document id, the resource id or its reference', async () => {
    const listed = async (document: string) =>
      sequences((await run(['audit', 'list', '--home', home, '--document', document])).stdout);
    expect(await listed('seed-doc-303')).toEqual([2, 3]);
    expect(await listed('DocumentReference/seed-doc-303')).toEqual([2, 3]);
    expect(await listed(oid)).toEqual([1, 2]);
  });
});
