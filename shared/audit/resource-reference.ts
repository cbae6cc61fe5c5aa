/**
 * The FHIR resource an environment's document was read as, recorded beside its document id.
 * `show` and `compare` name a document by its CDA id (`root^extension`), `invalidate` by
 * `DocumentReference/<id>`, and a failed read by the bare resource id (review 10, finding 6): a
 * read that names both lets `audit list --document` find it by either, and
 * resourceIdOf lets the filter take a bare id for the reference and the reverse.
 */
import type { AuditEvent } from './event';

const PREFIX = 'DocumentReference/';

/** `DocumentReference/<id>`, as invalidation records name a document. */
export function resourceReference(resourceId: string): string {
  return `${PREFIX}${resourceId}`;
}

/** The resource id of a `DocumentReference/<id>` reference; any other id as it is. */
export function resourceIdOf(id: string): string {
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
}

/** `event` naming the document's resource too (once), when it was read from an environment. */
export function withResourceReference(event: AuditEvent, resourceId?: string): AuditEvent {
  if (resourceId === undefined) return event;
  const value = resourceReference(resourceId);
  if (event.entity.some((entity) => entity.what.identifier?.value === value)) return event;
  return {
    ...event,
    entity: [
      ...event.entity,
      {
        what: { identifier: { system: 'urn:ietf:rfc:3986', value } },
        type: {
          system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
          code: '2',
          display: 'System Object',
        },
        role: {
          system: 'http://terminology.hl7.org/CodeSystem/object-role',
          code: '3',
          display: 'Report',
        },
        name: 'resource',
      },
    ],
  };
}
