/** Code systems and value lists the seed documents draw from (DOMAIN.md §2). */
export const OID = {
  register: '1.2.246.537.5.40150.2009',
  confidentiality: '1.2.246.777.5.99902.2006',
  authorFunction: '1.2.246.537.5.40006.2003',
  view: '1.2.246.537.6.12.2002',
  fileFormat: '1.2.246.537.5.40179.2008',
  documentType: '1.2.246.537.5.5001.2011',
  functionCode: '1.2.246.537.6.300.2010',
  recordStatus: '1.2.246.537.5.40154.2008',
  custodianType: '1.2.246.537.5.40172.2008',
  retentionClass: '1.2.246.537.5.40158.2008',
  documentGroup: '1.2.246.537.6.1505.201601',
  socialFileFormat: '1.2.246.537.6.1502.201601',
  registryType: '1.2.246.537.6.1264.201701',
  hetu: '1.2.246.21',
} as const;

/** A coded value with its display name. */
export interface Code {
  readonly code: string;
  readonly display: string;
}

/** Registers used by health documents (2 public, 3 private, 4 occupational, 10 practitioner). */
export const REGISTERS: readonly Code[] = [
  { code: '2', display: 'Julkinen terveydenhuolto' },
  { code: '3', display: 'Yksityinen terveydenhuolto' },
  { code: '4', display: 'Työterveyshuolto' },
  { code: '10', display: 'Yksityinen ammatinharjoittaja' },
];

/** Views (näkymät) with a title and the narrative phrases their sections use. */
export const VIEWS: readonly (Code & { readonly phrases: readonly string[] })[] = [
  {
    code: 'YLE',
    display: 'Yleislääketiede',
    phrases: [
      'Potilas tulee vastaanotolle flunssaoireiden vuoksi.',
      'Yleisvointi hyvä, ei kuumetta.',
      'Kontrolli tarvittaessa.',
    ],
  },
  {
    code: 'HOI',
    display: 'Hoitotyö',
    phrases: ['Haavanhoito tehty, haava siisti.', 'Kipu VAS 2/10.', 'Ohjattu kotihoito-ohjein.'],
  },
  {
    code: 'LAB',
    display: 'Laboratoriotutkimukset',
    phrases: [
      'P-CRP 4 mg/l, viitealueella.',
      'B-Hb 142 g/l.',
      'Näyte otettu aamulla paastotilassa.',
    ],
  },
  {
    code: 'RTG',
    display: 'Radiologia',
    phrases: [
      'Keuhkokuvassa ei infiltraatteja.',
      'Sydämen koko normaali.',
      'Ei tuoreita muutoksia.',
    ],
  },
  {
    code: 'SUU',
    display: 'Suun terveydenhuolto',
    phrases: [
      'Hammaskiven poisto tehty.',
      'Ienverenvuotoa vähän.',
      'Seuraava tarkastus vuoden kuluttua.',
    ],
  },
  {
    code: 'TOI',
    display: 'Toimenpiteet',
    phrases: [
      'Luomen poisto paikallispuudutuksessa.',
      'Toimenpide sujui ongelmitta.',
      'Ompeleet poistetaan 10 vrk kuluttua.',
    ],
  },
];

/** Document types of the local header. */
export const DOCUMENT_TYPES: readonly Code[] = [
  { code: '1', display: 'Kertomusteksti' },
  { code: '4', display: 'Palvelutapahtuma-asiakirja' },
];

/** Social welfare document groups and their display phrases. */
export const SOCIAL_GROUPS: readonly (Code & { readonly phrases: readonly string[] })[] = [
  {
    code: '1',
    display: 'Asiakaskertomus',
    phrases: ['Asiakas asioi toimistolla.', 'Tilanne käyty läpi yhdessä.'],
  },
  {
    code: '2',
    display: 'Päätös',
    phrases: ['Asiakkaalle myönnetään kotipalvelu.', 'Päätös voimassa toistaiseksi.'],
  },
  {
    code: '3',
    display: 'Palvelusuunnitelma',
    phrases: ['Tavoitteena arjen sujuminen.', 'Suunnitelma arvioidaan puolen vuoden välein.'],
  },
];

/** Organisations: obviously synthetic names under a test OID arc. */
export const ORGANISATIONS: readonly Code[] = [
  { code: '1.2.246.10.99990001.10.0', display: 'Testikunnan terveyskeskus' },
  { code: '1.2.246.10.99990002.10.0', display: 'Kokeilulan yksityisklinikka' },
  { code: '1.2.246.10.99990003.10.0', display: 'Harjoitus Työterveys Oy' },
];
