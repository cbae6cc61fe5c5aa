/** The sandbox's CapabilityStatement (FHIR R4 capabilitystatement.html): what it supports. */

const documentParams = [
  ['patient', 'reference', 'Who the document is about (Patient/id).'],
  ['patient.identifier', 'token', 'Chained: urn:oid:1.2.246.21|<hetu>.'],
  ['subject.identifier', 'token', 'Chained: urn:oid:1.2.246.21|<hetu>.'],
  ['identifier', 'token', 'Document OID (masterIdentifier or identifier).'],
  ['setid', 'token', 'The CDA setId: every version of one document series.'],
  ['date', 'date', 'Document date; eq, ne, gt, lt, ge, le prefixes.'],
  ['type', 'token', 'Document type code.'],
  ['category', 'token', 'Document category code.'],
  ['status', 'token', 'current | superseded | entered-in-error.'],
] as const;

/** GET /metadata. */
export function capabilityStatement(baseUrl: string): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-28',
    kind: 'instance',
    software: { name: 'Archivist sandbox' },
    implementation: { description: 'Local Kanta-style test environment', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'transaction' }],
        resource: [
          {
            type: 'DocumentReference',
            versioning: 'versioned-update',
            readHistory: true,
            conditionalCreate: true,
            interaction: [
              'read',
              'vread',
              'history-instance',
              'search-type',
              'create',
              'update',
            ].map((code) => ({ code })),
            searchParam: [
              ...documentParams.map(([name, type, documentation]) => ({
                name,
                type,
                documentation,
              })),
              {
                name: '_count',
                type: 'number',
                documentation: 'Page size (default 50, at most 1000).',
              },
              { name: '_sort', type: 'string', documentation: 'date or -date.' },
              { name: '_summary', type: 'token', documentation: 'count: only the total.' },
            ],
          },
          { type: 'Binary', interaction: [{ code: 'read' }] },
          {
            type: 'Patient',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              { name: 'identifier', type: 'token', documentation: 'urn:oid:1.2.246.21|<hetu>' },
            ],
          },
          {
            type: 'Provenance',
            supportedProfile: [
              'https://gen.kanta.fi/fhir/StructureDefinition/MitatointiProvenanceV2',
            ],
            interaction: [{ code: 'create' }, { code: 'read' }, { code: 'search-type' }],
            searchParam: [
              { name: 'target', type: 'reference', documentation: 'The invalidated resource.' },
            ],
          },
        ],
      },
    ],
  };
}

/** The custom SearchParameter behind `setid`, served at /SearchParameter/setid. */
export const setIdSearchParameter = {
  resourceType: 'SearchParameter',
  id: 'setid',
  url: 'https://archivist.invalid/fhir/SearchParameter/setid',
  name: 'setid',
  status: 'active',
  code: 'setid',
  base: ['DocumentReference'],
  type: 'token',
  description: 'The CDA setId carried in the cda-set-id extension: all versions of one series.',
  expression:
    "DocumentReference.extension('https://archivist.invalid/fhir/StructureDefinition/cda-set-id').value",
};
