/**
 * Metadata changes as change-list items: grouped "header" (the CDA header a reader sees) or
 * "metadata" (the Finnish local headers, signatures, message, identity codes, attachments), and
 * said in words: "authors[1].functionCode changed from Korjaaja (KOR) to Mitätöijä (MIT)".
 */
import type { ChangeListItem } from './cda-change-list';
import { describeValue } from './describe-value';
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

function sentence(change: MetadataChange): string {
  const left = describeValue(change.left, change.leftLabel);
  const right = describeValue(change.right, change.rightLabel);
  const expected = change.expected ? ' (filled by the archive, expected to differ)' : '';
  if (change.kind === 'added') return `${change.path} added: "${right}"${expected}`;
  if (change.kind === 'removed') return `${change.path} removed: "${left}"${expected}`;
  return `${change.path} changed from "${left}" to "${right}"${expected}`;
}

/** The change-list items of metadata changes. */
export function metadataItems(changes: readonly MetadataChange[]): ChangeListItem[] {
  return changes.map((change) => {
    const first = change.path.split(/[.[]/)[0] ?? '';
    const left = describeValue(change.left, change.leftLabel);
    const right = describeValue(change.right, change.rightLabel);
    return {
      group: headerFields.has(first) ? 'header' : 'metadata',
      kind: change.kind,
      field: change.path,
      ...(left !== undefined ? { left } : {}),
      ...(right !== undefined ? { right } : {}),
      text: sentence(change),
      path: change.path,
      pathKind: 'model',
    };
  });
}
