/**
 * Metadata changes as change-list items: grouped "header" (the CDA header a reader sees) or
 * "metadata" (the Finnish local headers, signatures, message, identity codes, attachments), and
 * said in words: "Author 2 › function code changed from Korjaaja (KOR) to Mitätöijä (MIT)". The
 * field reads as the metadata table reads it (fieldLabel); the model path stays in `path`, which
 * ignore rules, links and the JSON report go by (review 9, defect 10).
 */
import type { ChangeListItem } from './cda-change-list';
import { describeValue } from './describe-value';
import { fieldLabel } from './field-label';
import type { MetadataChange } from './metadata-diff';

const headerFields = new Set([
  'format',
  'id',
  'setId',
  'versionNumber',
  'title',
  'effectiveTime',
  'languageCode',
  'realmCode',
  'templateIds',
  'register',
  'confidentiality',
  'copyTime',
  'patient',
  'authors',
  'custodian',
  'serviceEventId',
  'encounter',
  'serviceEvent',
  'participants',
  'relatedDocuments',
]);

function sentence(change: MetadataChange, field: string): string {
  const left = describeValue(change.left, change.leftLabel);
  const right = describeValue(change.right, change.rightLabel);
  const expected = change.expected ? ' (filled by the archive, expected to differ)' : '';
  if (change.kind === 'added') return `${field} added: "${right}"${expected}`;
  if (change.kind === 'removed') return `${field} removed: "${left}"${expected}`;
  return `${field} changed from "${left}" to "${right}"${expected}`;
}

/** The change-list items of metadata changes. */
export function metadataItems(changes: readonly MetadataChange[]): ChangeListItem[] {
  return changes.map((change) => {
    const first = change.path.split(/[.[]/)[0] ?? '';
    const left = describeValue(change.left, change.leftLabel);
    const right = describeValue(change.right, change.rightLabel);
    const field = fieldLabel(change.path);
    return {
      group: headerFields.has(first) ? 'header' : 'metadata',
      kind: change.kind,
      field,
      ...(left !== undefined ? { left } : {}),
      ...(right !== undefined ? { right } : {}),
      text: sentence(change, field),
      path: change.path,
      pathKind: 'model',
    };
  });
}
