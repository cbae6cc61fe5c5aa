/**
 * The invalidation request: a Provenance shaped exactly like Kanta's MitatointiProvenanceV2
 * (DOMAIN.md §3): `meta.profile` fixed to the profile URL, exactly one `target`, `recorded`, and
 * agent(s); never `reason`, `occurred`, `policy`, `location` or `text`.
 *
 * `meta.source` carries the client request id (`urn:uuid:…`). Provenance has no `identifier`
 * element in R4, and `meta.source` is FHIR's place for "the source system and request that made
 * this version", so a read-back can tell our Provenance from anybody else's, and a conditional
 * create (`If-None-Exist: _source=…`) keyed on it cannot create a second one for the same request.
 */
import type { FhirMeta, Provenance } from '../fhir/resources';
import { invalidationProfile } from '../fhir/resources';

/** Registration numbers of health-care professionals (Valvira; the test card's identity). */
export const registrationSystem = 'urn:oid:1.2.246.537.26';

const participantType = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/** The Provenance as Archivist sends it: the profile's shape plus the request id in meta.source. */
export type InvalidationProvenance = Provenance & {
  readonly meta: FhirMeta & { readonly profile: readonly string[]; readonly source: string };
};

/** Who invalidates: the operator's test professional card identity from the profile. */
export interface InvalidatingOperator {
  readonly name: string;
  readonly registrationNumber: string;
}

export interface ProvenanceInput {
  /** The logical id of the DocumentReference being invalidated. */
  readonly resourceId: string;
  /** The document's title, shown by the service as `target.display`. */
  readonly title?: string;
  /** When the invalidation is made (sent). */
  readonly recorded: Date;
  /** A UUID made once per attempt; the same id goes to the audit trail and `X-Request-Id`. */
  readonly requestId: string;
  /** Absent when the profile names no operator: the application then acts as a device. */
  readonly operator?: InvalidatingOperator;
  /** `Archivist <version> (<OS user>@<host>)`, shown for the device agent. */
  readonly application: string;
}

/** `urn:uuid:<requestId>`: the value of meta.source and of the If-None-Exist condition. */
export function requestSource(requestId: string): string {
  return `urn:uuid:${requestId}`;
}

/** The If-None-Exist query that keys a conditional create on the request id. */
export function ifNoneExistFor(requestId: string): string {
  return `_source=${encodeURIComponent(requestSource(requestId))}`;
}

function agentOf(input: ProvenanceInput): Provenance['agent'][number] {
  const type = { coding: [{ system: participantType, code: 'author', display: 'Author' }] };
  if (input.operator)
    return {
      type,
      who: {
        // The test card identity has no resource id of its own; its registration number is the
        // stable key, so the logical reference and the identifier say the same thing.
        reference: `Practitioner/${input.operator.registrationNumber}`,
        identifier: { system: registrationSystem, value: input.operator.registrationNumber },
        display: input.operator.name,
      },
    };
  return { type, who: { reference: 'Device/archivist', display: input.application } };
}

/** Builds the Provenance that invalidates one DocumentReference. */
export function buildInvalidationProvenance(input: ProvenanceInput): InvalidationProvenance {
  return {
    resourceType: 'Provenance',
    meta: { profile: [invalidationProfile], source: requestSource(input.requestId) },
    target: [
      {
        reference: `DocumentReference/${input.resourceId}`,
        ...(input.title ? { display: input.title } : {}),
      },
    ],
    recorded: input.recorded.toISOString(),
    agent: [agentOf(input)],
  };
}

/** True when `provenance` is the one sent with `requestId` (meta.source matches). */
export function isFromRequest(provenance: Provenance, requestId: string): boolean {
  const source = (provenance.meta as { source?: unknown } | undefined)?.source;
  return source === requestSource(requestId);
}
