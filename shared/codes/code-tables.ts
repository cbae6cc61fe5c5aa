/**
 * Kanta code tables as data (DOMAIN.md §2). Only values stated in DOMAIN.md or seen in the
 * public sample documents (as `displayName` there) are listed, each label with its source: an
 * invented label would mislead a tester more than a missing one, and an unknown code is shown as
 * `code @ codeSystem` instead (see labels.ts). English labels come from DOMAIN.md or the corpus
 * INDEX.md; Finnish labels from the documents themselves.
 */

/** A label and where it was read from. */
export interface SourcedText {
  readonly text: string;
  readonly source: string;
}

/** Labels of one code; either language may be unknown. */
export interface CodeEntry {
  readonly code: string;
  readonly fi?: SourcedText;
  readonly en?: SourcedText;
}

/** One code system: its OID, its name, and the codes known for it. */
export interface CodeTable {
  readonly codeSystem: string;
  readonly name: { readonly fi?: SourcedText; readonly en?: SourcedText };
  readonly codes: readonly CodeEntry[];
}

const DOMAIN = 'DOMAIN.md §2';
const INDEX = 'corpus INDEX.md';
const OSVA = 'corpus kanta-cda-api/Esim_OSVA_Omakannasta.xml';
const ESKO_LM = 'corpus kanta-cda-api/Esko__4_Renitec_LM.xml';
const ESKO_KOR = 'corpus kanta-cda-api/Esko__4_Renitec_KOR.xml';
const ESKO_MIT = 'corpus kanta-cda-api/Esko__4_Renitec_MIT.xml';
const ESIM = 'corpus kanta-cda-api/ESIM lääkemääräys_laaja_kaikki_tietokentat.xml';
const LT1 = 'corpus kanta-cda-api/LT1_testiasiakirja_toimitus.xml';
const UP = 'corpus kanta-cda-api/up_omakanta.xml';
const ANNOS = 'corpus kanta-cda-api/LM_annosjakelu.xml';
const NO_UNIT = 'corpus kanta-cda-api/palveluyksikon_id_puuttuu.xml';

const fi = (text: string, source: string): { fi: SourcedText } => ({ fi: { text, source } });
const en = (text: string, source: string): { en: SourcedText } => ({ en: { text, source } });

/** Shorthand for an entry known only in English from DOMAIN.md. */
const domainOnly = (code: string, text: string): CodeEntry => ({ code, ...en(text, DOMAIN) });

/** Well-known code system OIDs, named so code can refer to them without magic strings. */
export const CodeSystems = {
  register: '1.2.246.537.5.40150.2009',
  confidentiality: '1.2.246.777.5.99902.2006',
  view: '1.2.246.537.6.12.2002',
  documentType: '1.2.246.537.5.5001.2011',
  fileFormat: '1.2.246.537.5.40179.2008',
  recordStatus: '1.2.246.537.5.40154.2008',
  custodianType: '1.2.246.537.5.40172.2008',
  retentionPeriodClass: '1.2.246.537.5.40158.2008',
  authorFunction: '1.2.246.537.5.40006.2003',
  completion: '1.2.246.537.5.40115.2006',
  storage: '1.2.246.537.5.40116.2006',
  replacementReason: '1.2.246.537.5.40178.2008',
  serviceRequest: '1.2.246.537.5.40157.2008',
  prescriptionMessageType: '1.2.246.537.5.40105.2006',
  signatureType: '1.2.246.537.5.40127.2006',
  taskClass: '1.2.246.537.6.300.2010',
  socialDocumentGroup: '1.2.246.537.6.1505.201601',
  socialFileFormat: '1.2.246.537.6.1502.201601',
  socialRegistryType: '1.2.246.537.6.1264.201701',
  /** Not a code system but the id root of a personal identity code (hetu). */
  hetu: '1.2.246.21',
} as const;

/** Every table the project knows. */
export const CODE_TABLES: readonly CodeTable[] = [
  {
    codeSystem: CodeSystems.register,
    name: {
      ...fi('KanTa-palvelut - Potilasasiakirjan rekisteritunnus', OSVA),
      ...en('Register', DOMAIN),
    },
    codes: [
      domainOnly('1', 'separate storage'),
      domainOnly('2', 'public healthcare'),
      domainOnly('3', 'private healthcare'),
      { code: '4', ...fi('Työterveyshuolto', OSVA), ...en('occupational health', DOMAIN) },
      domainOnly('6', 'notifications and statistics registers'),
      domainOnly('7', "patient's own documents"),
      domainOnly('8', 'research registers'),
      domainOnly('10', 'private practitioner'),
      domainOnly('11', 'decommissioned'),
      domainOnly('12', 'data management service'),
      { code: '13', ...fi('Arkistoasiakirjat', OSVA), ...en('archive documents', DOMAIN) },
    ],
  },
  {
    codeSystem: CodeSystems.confidentiality,
    name: {
      ...fi('KanTa-palvelut - Asiakirjan luottamuksellisuus', ESKO_LM),
      ...en('Confidentiality', DOMAIN),
    },
    codes: [
      {
        code: '5',
        ...fi('Terveydenhuollon salassapidettävä', ESKO_LM),
        ...en('healthcare confidential', DOMAIN),
      },
      domainOnly('6', 'social welfare confidential'),
    ],
  },
  {
    codeSystem: CodeSystems.view,
    name: { ...fi('AR/YDIN - Näkymät', OSVA), ...en('View', DOMAIN) },
    codes: [
      {
        code: '362',
        ...fi('Ostopalvelun valtuutus asiakirja', OSVA),
        ...en('Purchase-service authorisation', INDEX),
      },
    ],
  },
  {
    codeSystem: CodeSystems.documentType,
    name: { ...fi('eArkisto - Asiakirjatyyppi 2012', OSVA), ...en('Document type', DOMAIN) },
    codes: [
      domainOnly('1', 'narrative text'),
      { code: '3', ...fi('Arkistoasiakirja', OSVA), ...en('archive document', DOMAIN) },
      domainOnly('4', 'service event document'),
    ],
  },
  {
    codeSystem: CodeSystems.fileFormat,
    name: { ...fi('eArkisto - Asiakirjan tiedostomuoto', OSVA), ...en('File format', DOMAIN) },
    codes: [{ code: '1', ...fi('CDA R2', OSVA), ...en('CDA R2', DOMAIN) }, domainOnly('5', 'JSON')],
  },
  {
    codeSystem: CodeSystems.recordStatus,
    name: {
      ...fi('eArkisto - Asiakirjan valmistumisen tila', OSVA),
      ...en('Record status', DOMAIN),
    },
    codes: [{ code: '3', ...fi('Arkistointivalmis', OSVA), ...en('ready for archiving', DOMAIN) }],
  },
  {
    codeSystem: CodeSystems.custodianType,
    name: { ...fi('eArkisto - Rekisteripitäjän laji', OSVA), ...en('Custodian type', DOMAIN) },
    codes: [
      { code: '1', ...fi('Julkinen', OSVA), ...en('public', DOMAIN) },
      domainOnly('2', 'private'),
    ],
  },
  {
    codeSystem: CodeSystems.retentionPeriodClass,
    name: { ...fi('eArkisto - Säilytysaikaluokka', OSVA), ...en('Retention period class', DOMAIN) },
    codes: [{ code: '2', ...fi('12 vuotta potilaan kuolemasta tai 120 vuotta syntymästä', OSVA) }],
  },
  {
    codeSystem: CodeSystems.authorFunction,
    name: {
      ...fi('eArkisto - tekninen CDA R2 henkilötarkennin', ESIM),
      ...en('Author function', DOMAIN),
    },
    codes: [
      domainOnly('MER', 'record maker'),
      { code: 'MIT', ...fi('Mitätöijä', ESKO_MIT), ...en('invalidator', DOMAIN) },
      { code: 'KOR', ...fi('Korjaaja', ESKO_KOR) },
      // Esko__4_Renitec_LM.xml says "Lääkityksen aloittanut lääkäri"; most files say this:
      { code: 'LAL', ...fi('Lääkityksen aloittanut henkilö', ESIM) },
      { code: 'LTE', ...fi('Lääketoimituksen tehnyt henkilö', LT1) },
    ],
  },
  {
    codeSystem: CodeSystems.completion,
    name: en('Completion code', DOMAIN),
    codes: [],
  },
  {
    codeSystem: CodeSystems.storage,
    name: en('Storage code', DOMAIN),
    codes: [],
  },
  {
    codeSystem: CodeSystems.replacementReason,
    name: en('Replacement reason', DOMAIN),
    codes: [domainOnly('1', 'correction')],
  },
  {
    codeSystem: CodeSystems.serviceRequest,
    name: en('Service request', DOMAIN),
    codes: [],
  },
  {
    codeSystem: CodeSystems.prescriptionMessageType,
    name: { ...fi('Reseptisanoman tyyppi', ESKO_LM), ...en('Prescription message type', INDEX) },
    codes: [
      { code: '1', ...fi('Lääkemääräys', ESKO_LM), ...en('Prescription', INDEX) },
      {
        code: '2',
        ...fi('Lääkemääräyksen mitätöinti', ESKO_MIT),
        ...en('Prescription cancellation', INDEX),
      },
      {
        code: '3',
        ...fi('Lääkemääräyksen korjaus', ESKO_KOR),
        ...en('Prescription correction', INDEX),
      },
      { code: '8', ...fi('Uusimispyyntö', UP), ...en('Renewal request', INDEX) },
      { code: '10', ...fi('Lääkemääräyksen toimitus', LT1), ...en('Dispensation record', INDEX) },
      { code: '16', ...fi('Annosjakelu', ANNOS), ...en('Dose-dispensing notice', INDEX) },
    ],
  },
  {
    codeSystem: CodeSystems.signatureType,
    name: fi('Sähköisen allekirjoituksen tyyppi', ESKO_LM),
    codes: [
      { code: '1', ...fi('Ammattihenkilön tekemä tavanomainen allekirjoitus', NO_UNIT) },
      { code: '4', ...fi('Järjestelmäallekirjoitus / KanTa', ESKO_LM) },
    ],
  },
  {
    codeSystem: CodeSystems.taskClass,
    name: en('Function (task class)', DOMAIN),
    codes: [{ code: '06.00.02', ...fi('Potilastietojen käytön ja luovutusten hallinta', OSVA) }],
  },
  { codeSystem: CodeSystems.socialDocumentGroup, name: en('Document group', DOMAIN), codes: [] },
  {
    codeSystem: CodeSystems.socialFileFormat,
    name: en('File format (social welfare)', DOMAIN),
    codes: [],
  },
  { codeSystem: CodeSystems.socialRegistryType, name: en('Registry type', DOMAIN), codes: [] },
];
