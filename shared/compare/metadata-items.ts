/**
 * Metadata changes as change-list items: grouped "header" (the CDA header a reader sees) or
 * "metadata" (the Finnish local headers, signatures, message, identity codes, attachments), and
 * said in words: "authors[1].functionCode changed from Korjaaja (KOR) to Mitätöijä (MIT)".
 */
import type { ChangeListItem } from './cda-change-list';
import type { JsonValue, MetadataChange } from './metadata-diff';

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

function isRecord(value: JsonValue | undefined): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A model value in a few words: codes by label and code, ids as root^extension, the rest as JSON. */
export function describeValue(value: JsonValue | undefined, label?: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (isRecord(value) && typeof value.code === 'string' && typeof value.codeSystem === 'string')
    return label ? `${label} (${value.code})` : `${value.code} @ ${value.codeSystem}`;
  if (isRecord(value) && typeof value.root === 'string' && !('code' in value))
    return typeof value.extension === 'string'
      ? `${value.root}^${value.extension}`
      : value.root || `nullFlavor ${String(value.nullFlavor)}`;
  if (isRecord(value) && typeof value.value === 'string' && typeof value.where === 'string')
    return describeIdentityCode(value);
  const summary = isRecord(value) ? summarise(value) : undefined;
  if (summary) return summary;
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}

/**
 * An identity-code finding as "231069-9711 at recordTarget/patientRole/id": the metadata diff
 * reports one only when it was added or removed, and then where it is is what the tester looks
 * for (and whether the test service would refuse it).
 */
function describeIdentityCode(finding: { readonly [key: string]: JsonValue }): string {
  const refusal =
    finding.valid === false
      ? ' (not a valid identity code)'
      : finding.isTestCode === false
        ? ' (not a test code)'
        : '';
  return `${String(finding.value)} at ${String(finding.where)}${refusal}`;
}

/** Authors, participants, related documents and the like by their telling fields. */
function summarise(value: { readonly [key: string]: JsonValue }): string | undefined {
  const parts: string[] = [];
  if (typeof value.typeCode === 'string') parts.push(value.typeCode);
  for (const key of ['functionCode', 'code', 'type']) {
    const described = isRecord(value[key])
      ? describeValue(value[key], labelOfCode(value[key]))
      : undefined;
    if (described) parts.push(described);
  }
  const name = value.name;
  if (isRecord(name) && typeof name.formatted === 'string') parts.push(name.formatted);
  else if (typeof name === 'string') parts.push(name);
  if (isRecord(value.id)) parts.push(describeValue(value.id) ?? '');
  return parts.filter((part) => part !== '').join(', ') || undefined;
}

function labelOfCode(value: JsonValue | undefined): string | undefined {
  if (!isRecord(value)) return undefined;
  const label = value.label ?? value.displayName;
  return typeof label === 'string' ? label : undefined;
}

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
