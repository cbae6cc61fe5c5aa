/**
 * Redaction of the plain text comparison output with the same masks a report of the same
 * pair would use: the identity codes and names both sources hold, and every hetu-shaped string.
 */
import { createRedactor } from '../../../shared/report/redaction';
import { describeSource } from './report-sources';

/** Masks the text outputs with the same redactor a report uses (codes and names of both sources). */
export async function redactText(
  text: string,
  left: Uint8Array,
  right: Uint8Array,
): Promise<string> {
  const sides = await Promise.all([
    describeSource({ bytes: left, source: 'left' }),
    describeSource({ bytes: right, source: 'right' }),
  ]);
  const redactor = createRedactor({
    identityCodes: sides.flatMap((side) =>
      side.ok ? side.value.identityCodes.map((code) => code.value) : [],
    ),
    names: sides.flatMap((side) => (side.ok ? side.value.personNames : [])),
  });
  return redactor.text(text);
}
