/**
 * Invalidation by a Provenance shaped like Kanta's MitatointiProvenanceV2 (DOMAIN.md §3): the
 * profile forbids reason, occurred, policy, location and text, and requires exactly one target,
 * recorded and agent(s). A valid one turns the target into a new version `entered-in-error`.
 */
import { randomUUID } from 'node:crypto';
import {
  invalidationProfile,
  type Bundle,
  type OperationOutcome,
  type Provenance,
} from '../../shared/fhir/resources';
import { fhirResponse, notFound, outcome, outcomeOf, type SandboxResponse } from './outcome';
import { addVersion, latest } from './store';
import type { WriteContext } from './writes';

const forbidden = [
  'reason',
  'occurred',
  'occurredDateTime',
  'occurredPeriod',
  'policy',
  'location',
  'text',
];

type Issue = OperationOutcome['issue'][number];

function issue(code: string, diagnostics: string, expression: string): Issue {
  return { severity: 'error', code, diagnostics, expression: [expression] };
}

/** Every way a body breaks the profile, so the tester sees them all at once. */
export function provenanceProblems(body: Record<string, unknown>): Issue[] {
  const forbiddenIssues = forbidden
    .filter((name) => name in body)
    .map((name) =>
      issue(
        'business-rule',
        `Provenance.${name} is not allowed by ${invalidationProfile}.`,
        `Provenance.${name}`,
      ),
    );
  return [...forbiddenIssues, ...requiredProblems(body)];
}

function hasReference(value: unknown, key: 'who' | undefined): boolean {
  const holder = key === undefined ? value : (value as Record<string, unknown> | null)?.[key];
  return typeof (holder as { reference?: unknown } | null)?.reference === 'string';
}

/** The elements the profile requires: profile, exactly one target, recorded, agent(s). */
function requiredProblems(body: Record<string, unknown>): Issue[] {
  const meta = body['meta'] as { profile?: unknown } | undefined;
  const target = body['target'];
  const agent = body['agent'];
  const recorded = body['recorded'];
  const checks: [boolean, string, string][] = [
    [
      Array.isArray(meta?.profile) && meta.profile.includes(invalidationProfile),
      `Provenance.meta.profile must be ${invalidationProfile}.`,
      'Provenance.meta.profile',
    ],
    [
      Array.isArray(target) && target.length === 1 && hasReference(target[0], undefined),
      'Provenance.target must hold exactly one entry with a reference.',
      'Provenance.target',
    ],
    [
      typeof recorded === 'string' && !Number.isNaN(Date.parse(recorded)),
      'Provenance.recorded must be an instant (when the invalidation was made).',
      'Provenance.recorded',
    ],
    [
      Array.isArray(agent) && agent.length > 0 && agent.every((one) => hasReference(one, 'who')),
      'Provenance.agent must name at least one practitioner, patient or device (agent.who.reference).',
      'Provenance.agent',
    ],
  ];
  return checks
    .filter(([isMet]) => !isMet)
    .map(([, diagnostics, expression]) => issue('required', diagnostics, expression));
}

/** POST Provenance: validates, invalidates the target, stores the Provenance. */
export async function postProvenance(
  context: WriteContext,
  body: unknown,
  ifNoneExist?: string,
): Promise<SandboxResponse> {
  if (ifNoneExist !== undefined) {
    const existing = conditionalProvenance(context, ifNoneExist);
    if ('status' in existing) return existing;
    if (existing.match)
      return fhirResponse(200, existing.match, {
        location: `${context.baseUrl}/Provenance/${existing.match.id}/_history/1`,
        etag: 'W/"1"',
      });
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    (body as { resourceType?: unknown }).resourceType !== 'Provenance'
  )
    return outcome(400, 'structure', 'The body is not a Provenance resource.');
  const problems = provenanceProblems(body as Record<string, unknown>);
  if (problems.length > 0) return outcomeOf(422, problems);
  const provenance = body as Provenance;
  const reference = provenance.target[0]?.reference ?? '';
  const id = reference.replace(/^(.*\/)?DocumentReference\//, '').replace(/\/_history\/.*$/, '');
  const entry = context.store.documents.get(id);
  if (!entry)
    return outcome(
      422,
      'processing',
      `Provenance.target ${reference} does not name a DocumentReference in this sandbox.`,
      ['Provenance.target[0].reference'],
    );
  if (latest(entry).status === 'entered-in-error')
    return outcome(
      409,
      'conflict',
      `DocumentReference/${id} is already invalidated (entered-in-error).`,
    );
  const now = context.now();
  addVersion(
    context.store,
    entry,
    { ...latest(entry), status: 'entered-in-error', docStatus: 'entered-in-error' },
    now,
  );
  const stored = {
    ...provenance,
    id: randomUUID(),
    meta: { ...provenance.meta, versionId: '1', lastUpdated: now.toISOString() },
  };
  context.store.provenances.set(stored.id, stored);
  context.store.dirty.add(`prov:${stored.id}`);
  await context.onChange();
  return fhirResponse(201, stored, {
    location: `${context.baseUrl}/Provenance/${stored.id}/_history/1`,
    etag: 'W/"1"',
  });
}

/**
 * A conditional create's match (`If-None-Exist: _source=<uri>`): a resent request with the same
 * client request id finds the Provenance the first one stored instead of making a second.
 */
function conditionalProvenance(
  context: WriteContext,
  ifNoneExist: string,
): SandboxResponse | { readonly match?: Provenance & { readonly id: string } } {
  const params = new URLSearchParams(ifNoneExist.replace(/^.*\?/, ''));
  const source = params.get('_source');
  if (!source || [...params.keys()].some((key) => key !== '_source'))
    return outcome(
      400,
      'not-supported',
      'If-None-Exist on Provenance supports only _source=<uri> in this sandbox.',
    );
  const matches = [...context.store.provenances.values()].filter(
    (resource) => (resource.meta as { source?: unknown } | undefined)?.source === source,
  );
  return matches[0] ? { match: matches[0] } : {};
}

/** GET Provenance/id. */
export function readProvenance(context: WriteContext, id: string): SandboxResponse {
  const found = context.store.provenances.get(id);
  return found ? fhirResponse(200, found) : notFound(`Provenance/${id}`);
}

/** `DocumentReference/x`, `x` and full URLs ending in `/DocumentReference/x` name the same target. */
function sameTarget(reference: string, target: string): boolean {
  const normalise = (value: string) =>
    value.replace(/^.*?(?=DocumentReference\/)/, '').replace(/\/_history\/.*$/, '');
  const wanted = target.includes('/') ? normalise(target) : `DocumentReference/${target}`;
  return normalise(reference) === wanted;
}

/** GET Provenance?target=… (a reference or a bare DocumentReference id). */
export function searchProvenance(context: WriteContext, params: URLSearchParams): SandboxResponse {
  for (const name of params.keys())
    if (name !== 'target' && name !== '_count')
      return outcome(400, 'invalid', `Unknown search parameter '${name}' for Provenance.`);
  const targets = (params.get('target') ?? '').split(',').filter((one) => one !== '');
  const matches = [...context.store.provenances.values()].filter((provenance) => {
    const reference = provenance.target[0]?.reference ?? '';
    return targets.length === 0 || targets.some((target) => sameTarget(reference, target));
  });
  const bundle: Bundle<Provenance> = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [{ relation: 'self', url: `${context.baseUrl}/Provenance?${params.toString()}` }],
    entry: matches.map((resource) => ({
      fullUrl: `${context.baseUrl}/Provenance/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
  return fhirResponse(200, bundle);
}
