/**
 * Redaction of a whole report model (issue 8): one redactor for every string in it, so the same
 * value gets the same mask in every part and every format. What it masks: the codes and names
 * the caller found in both sources (report-sources.ts: the codes the headers and an RCMR
 * wrapper list; the names of the header, the body, and for an RCMR message of its wrapper and
 * of the CDA it carries), every hetu-shaped string, and every value the report itself shows
 * under the hetu root 1.2.246.21, whatever its shape.
 */
import { diffWords, type WordSegment } from '../compare/word-diff';
import { identityValuesInXml } from './identity-values-in-xml';
import { createRedactor, maskStrings, redactionLimitation } from './redaction';
import type { ReportContentChange } from './report-changes';
import type { ReportInput, ReportModel } from './report-model';

/** Every string in a value, keys excepted. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/** Values the report shows under the hetu root (a line `<id extension="…" root="1.2.246.21"/>`). */
function identityValuesShown(model: ReportModel): string[] {
  const found = new Set<string>();
  for (const text of stringsIn(model))
    if (text.includes('1.2.246.21'))
      for (const value of identityValuesInXml(text)) found.add(value);
  return [...found];
}

function joined(segments: readonly WordSegment[], side: 'removed' | 'added'): string {
  return segments
    .filter((segment) => segment.kind === 'equal' || segment.kind === side)
    .map((segment) => segment.text)
    .join('');
}

/**
 * Word diffs made again from the masked lines where masking the segments one by one missed a
 * value: a word diff splits "010181-900C" against "010181-902E" into "010181-", "900C" and
 * "902E", and no piece is hetu-shaped by itself.
 */
function rediffWords(change: ReportContentChange): ReportContentChange {
  if (!change.words) return change;
  const words = change.words.map((segments, k) => {
    if (segments === null) return null;
    const [left, right] = [change.removed[k] ?? '', change.added[k] ?? ''];
    if (joined(segments, 'removed') === left && joined(segments, 'added') === right)
      return segments;
    return diffWords(left, right) ?? null;
  });
  return { ...change, words };
}

/** The model with every identity code and person name masked, and the redaction notice. */
export function redactReport(model: ReportModel, input: ReportInput): ReportModel {
  const redactor = createRedactor({
    identityCodes: [
      ...(input.result.left.patientHetu ? [input.result.left.patientHetu] : []),
      ...(input.result.right.patientHetu ? [input.result.right.patientHetu] : []),
      ...input.left.identityCodes.map((code) => code.value),
      ...input.right.identityCodes.map((code) => code.value),
      ...(input.left.hetuRootValues ?? []),
      ...(input.right.hetuRootValues ?? []),
      ...identityValuesShown(model),
    ],
    names: [...input.left.personNames, ...input.right.personNames],
  });
  const masked = maskStrings(model, redactor.text);
  const counts = redactor.counts();
  return {
    ...masked,
    content: { ...masked.content, changes: masked.content.changes.map(rediffWords) },
    redaction: {
      isRedacted: true,
      maskedIdentityCodes: counts.identityCodes,
      maskedNames: counts.names,
      limitation: redactionLimitation,
    },
  };
}
