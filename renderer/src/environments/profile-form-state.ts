/**
 * The Environments form's state (plain strings and flags, as the inputs hold them) and its
 * translation to the draft main validates. Files are never typed: each holds the path main
 * showed and either "keep the stored one" or the id of a new pick from main's dialog.
 */
import { alwaysOpenCalendar } from '../../../shared/environments/calendar';
import type {
  EnvironmentKind,
  EnvironmentProfile,
  Repository,
} from '../../../shared/environments/profile';
import type {
  EditableProfile,
  FileChoice,
  ProfileDraft,
  TlsDraft,
} from '../../../shared/ipc/profile-editor-types';

export interface FileField {
  /** The path as main reported it, for display only. */
  readonly path?: string;
  readonly choice?: FileChoice;
}

export type TlsMode = 'none' | 'pkcs12' | 'pem';

export interface ProfileFormState {
  readonly mode: 'create' | 'edit';
  readonly id: string;
  readonly displayName: string;
  readonly kind: EnvironmentKind;
  readonly repository: Repository;
  readonly baseUrl: string;
  readonly folder: FileField;
  readonly isTestEnvironment: boolean;
  readonly organisationOid: string;
  readonly operatorName: string;
  readonly operatorRegistration: string;
  readonly operatorOrganisation: string;
  readonly tlsMode: TlsMode;
  readonly pkcs12: FileField;
  readonly certificate: FileField;
  readonly key: FileField;
  readonly caFile: FileField;
  readonly hasPassphrase: boolean;
  /** Typed here, sent once with Save, then cleared; never filled from main. */
  readonly passphrase: string;
  readonly followsCalendar: boolean;
}

export const newProfileState: ProfileFormState = {
  mode: 'create',
  id: '',
  displayName: '',
  kind: 'AT',
  repository: 'patient-data',
  baseUrl: '',
  folder: {},
  isTestEnvironment: true,
  organisationOid: '',
  operatorName: '',
  operatorRegistration: '',
  operatorOrganisation: '',
  tlsMode: 'none',
  pkcs12: {},
  certificate: {},
  key: {},
  caFile: {},
  hasPassphrase: false,
  passphrase: '',
  followsCalendar: true,
};

const kept = (path: string | undefined): FileField =>
  path === undefined ? {} : { path, choice: { keep: true } };

/** Calendar off is stored as the always-open calendar (profile-draft.ts in main). */
function isAlwaysOpen(profile: EnvironmentProfile): boolean {
  return JSON.stringify(profile.calendar) === JSON.stringify(alwaysOpenCalendar);
}

/** The form for editing a stored profile. */
export function stateOfProfile({ profile }: EditableProfile): ProfileFormState {
  const tls = profile.tls;
  return {
    ...newProfileState,
    mode: 'edit',
    id: profile.id,
    displayName: profile.displayName,
    kind: profile.kind,
    repository: profile.repository,
    baseUrl: profile.kind === 'folder' ? '' : profile.baseUrl,
    folder: profile.kind === 'folder' ? kept(profile.baseUrl) : {},
    isTestEnvironment: profile.isTestEnvironment,
    organisationOid: profile.organisationOid ?? '',
    operatorName: profile.operator?.name ?? '',
    operatorRegistration: profile.operator?.registrationNumber ?? '',
    operatorOrganisation: profile.operator?.organisationOid ?? '',
    tlsMode: tls?.pkcs12 ? 'pkcs12' : tls?.certificate ? 'pem' : 'none',
    pkcs12: kept(tls?.pkcs12),
    certificate: kept(tls?.certificate),
    key: kept(tls?.key),
    caFile: kept(tls?.caFile),
    hasPassphrase: tls?.passphraseRef !== undefined,
    followsCalendar: !isAlwaysOpen(profile),
  };
}

function tlsDraftOf(state: ProfileFormState): TlsDraft | undefined {
  if (state.kind === 'folder' || state.tlsMode === 'none') return undefined;
  const files =
    state.tlsMode === 'pkcs12'
      ? { pkcs12: state.pkcs12.choice ?? { keep: true as const } }
      : {
          certificate: state.certificate.choice ?? { keep: true as const },
          ...(state.key.choice ? { key: state.key.choice } : {}),
        };
  return {
    ...files,
    ...(state.caFile.choice ? { caFile: state.caFile.choice } : {}),
    hasPassphrase: state.hasPassphrase,
  };
}

/** What Save sends; main checks every field again and answers with a sentence. */
export function draftOf(state: ProfileFormState): ProfileDraft {
  const hasOperator = [state.operatorName, state.operatorRegistration, state.operatorOrganisation]
    .map((value) => value.trim())
    .some((value) => value !== '');
  const tls = tlsDraftOf(state);
  return {
    id: state.id,
    displayName: state.displayName,
    kind: state.kind,
    repository: state.repository,
    ...(state.kind === 'folder'
      ? state.folder.choice
        ? { folder: state.folder.choice }
        : {}
      : { baseUrl: state.baseUrl }),
    isTestEnvironment: state.isTestEnvironment,
    ...(state.organisationOid.trim() ? { organisationOid: state.organisationOid } : {}),
    ...(hasOperator
      ? {
          operator: {
            name: state.operatorName,
            registrationNumber: state.operatorRegistration,
            organisationOid: state.operatorOrganisation,
          },
        }
      : {}),
    ...(tls ? { tls } : {}),
    followsCalendar: state.followsCalendar,
  };
}
