/**
 * keepLines 'report' (report-lines.ts): the compare worker sends only the lines a report's
 * side-by-side view shows, and the report made from them is byte for byte the report made from
 * both whole canonical forms, redacted or not, on a pair with long unchanged stretches (collapsed
 * middles past their caps) and on the report fixture pair.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { noIgnoreProfile } from '../../../../../shared/compare/ignore-profile';
import { compareInWorker } from '../../../../../electron/services/compare/compare-in-worker';
import { splitJoinedLines } from '../../../../../electron/services/compare/joined-lines';
import { writeReport } from '../../../../../electron/services/report/write-report';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { syntheticCda } from '../../../../bench/synthetic-cda';
import { leftXml, rightXml } from '../report/report-fixture-documents';

afterAll(async () => {
  await closeXmlWorkers();
});

/** Every 97th value line changed: changes far apart, with long unchanged stretches between. */
function edited(text: string): string {
  let count = 0;
  return text.replace(/>([^<\n]+)</g, (whole, inner: string) =>
    ++count % 97 === 0 ? `>${inner} muutettu<` : whole,
  );
}

async function report(
  left: Uint8Array,
  right: Uint8Array,
  keepLines: true | 'report',
  redact: boolean,
) {
  const compared = await compareInWorker(left, right, { profile: noIgnoreProfile, keepLines });
  if (!compared.ok) throw new Error(compared.error.message);
  const { result, lines } = compared.value;
  if (!lines) throw new Error('no lines came back');
  const written = await writeReport(
    {
      result,
      left: { bytes: left, source: 'left.xml' },
      right: { bytes: right, source: 'right.xml' },
      operator: 'test',
      createdAt: '2026-01-01T00:00:00.000Z',
      lines: splitJoinedLines(lines, result),
    },
    { format: 'html', redact },
  );
  if (!written.ok) throw new Error(written.error.message);
  return { html: Buffer.from(written.value.bytes).toString('utf8'), lines, result };
}

const encode = (text: string) => new TextEncoder().encode(text);
const base = syntheticCda(300_000, 'structured', 1);
const pairs = {
  'a generated pair with long unchanged stretches': [encode(base), encode(edited(base))],
  'the report fixture pair': [encode(leftXml), encode(rightXml)],
} as const;

describe("keepLines 'report'", () => {
  it.each(Object.entries(pairs))(
    'makes the same HTML report for %s',
    async (_name, [left, right]) => {
      for (const redact of [false, true]) {
        const whole = await report(left, right, true, redact);
        const some = await report(left, right, 'report', redact);
        expect(some.result).toEqual(whole.result);
        expect(some.html).toBe(whole.html);
        expect(some.html).toContain('lines without shown changes');
      }
    },
    60_000,
  );

  it('sends far fewer lines than the documents have when changes are few', async () => {
    const [left, right] = pairs['a generated pair with long unchanged stretches'];
    const { lines, result } = await report(left, right, 'report', false);
    const sent = lines.left.split('\n').length;
    expect(result.content.leftLines).toBeGreaterThan(1000);
    expect(sent).toBeLessThan(result.content.leftLines);
    expect('leftNumbers' in lines && lines.leftNumbers.length).toBe(sent);
  }, 60_000);
});
