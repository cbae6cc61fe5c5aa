/** The report-test CDA pair (report-fixture-documents.ts) compared in the real worker. */
import { compareInWorker } from '../../../../../electron/services/compare/compare-in-worker';
import type { ReportRequest } from '../../../../../electron/services/report/write-report';
import { splitJoinedLines } from '../../../../../electron/services/compare/joined-lines';
import { noIgnoreProfile } from '../../../../../shared/compare/ignore-profile';
import { leftXml, rightXml } from './report-fixture-documents';

export * from './report-fixture-documents';

/** The pair compared in the real worker, with its canonical lines, ready for writeReport. */
export async function fixtureRequest(
  leftSource = 'v1.xml',
  rightSource = 'v2.xml',
  xml: { readonly left: string; readonly right: string } = { left: leftXml, right: rightXml },
): Promise<ReportRequest> {
  const left = new TextEncoder().encode(xml.left);
  const right = new TextEncoder().encode(xml.right);
  const compared = await compareInWorker(left, right, {
    profile: noIgnoreProfile,
    keepLines: true,
  });
  if (!compared.ok) throw new Error(compared.error.message);
  if (!compared.value.lines) throw new Error('the compare worker sent no lines');
  return {
    result: compared.value.result,
    left: { bytes: left, source: leftSource },
    right: { bytes: right, source: rightSource },
    operator: 'tester',
    createdAt: '2026-01-02T03:04:05.000Z',
    lines: splitJoinedLines(compared.value.lines, compared.value.result),
  };
}
