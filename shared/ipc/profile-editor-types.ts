/**
 * The Environments screen's channels (issue 4 item 6, issue 6 item 1): stored profiles with
 * their settings, a form's draft, the secret store's state and the `envs check` report. File
 * paths travel only from main to the window (shown, never read there); the window names a file
 * by the id main's open dialog gave it, or keeps the stored one.
 */
import type { AuditFilter } from '../audit/filter';
import type { CalendarState } from '../environments/calendar';
import type {
  EnvironmentKind,
  EnvironmentProfile,
  OperatorIdentity,
  ProfileSummary,
  Repository,
} from '../environments/profile';
import type { AppError } from '../result';

/** Whether passphrases can be kept: false when the OS offers no real secret store. */
export interface SecretStoreState {
  readonly canPersist: boolean;
  /** Why not, as a sentence. */
  readonly reason?: string;
}

export interface EditableProfile {
  /** As stored in profiles.json (paths and a passphrase reference, never a passphrase). */
  readonly profile: EnvironmentProfile;
  /** True when the secret store holds the passphrase `tls.passphraseRef` names. */
  readonly isPassphraseStored: boolean;
}

export interface ProfileList {
  readonly profiles: readonly EditableProfile[];
  /** Profiles the app provides itself (the local sandbox): listed, not editable. */
  readonly builtIn: readonly ProfileSummary[];
  readonly secretStore: SecretStoreState;
  /** Set when profiles.json cannot be used. */
  readonly problem?: string;
}

/** A file of a draft: the id of a pick made in main's dialog, or the stored value kept. */
export type FileChoice = { readonly pickId: string } | { readonly keep: true };

export const tlsFileFields = ['pkcs12', 'certificate', 'key', 'caFile'] as const;
export type TlsFileField = (typeof tlsFileFields)[number];

export interface TlsDraft {
  readonly pkcs12?: FileChoice;
  readonly certificate?: FileChoice;
  readonly key?: FileChoice;
  readonly caFile?: FileChoice;
  /** The files need a passphrase (kept in the secret store under the profile's reference). */
  readonly hasPassphrase: boolean;
}

/** What the form sends: a new profile, or the edit of a stored one (same id). */
export interface ProfileDraft {
  readonly id: string;
  readonly displayName: string;
  readonly kind: EnvironmentKind;
  readonly repository: Repository;
  /** FHIR kinds: the base URL as typed. */
  readonly baseUrl?: string;
  /** Folder profiles: the folder chosen in main's dialog. */
  readonly folder?: FileChoice;
  readonly isTestEnvironment: boolean;
  readonly organisationOid?: string;
  readonly operator?: OperatorIdentity;
  readonly tls?: TlsDraft;
  /** On: the kind's published calendar (or the profile's own); off: always open. */
  readonly followsCalendar: boolean;
}

export interface SaveProfileRequest {
  readonly mode: 'create' | 'edit';
  readonly draft: ProfileDraft;
  /** A new passphrase: sent once, stored only through the secret store, never sent back. */
  readonly passphrase?: string;
}

export interface SaveProfileResult {
  readonly profile: EditableProfile;
  /** What happened to the passphrase, as a sentence. */
  readonly passphraseNote?: string;
}

export const pickPurposes = ['pkcs12', 'certificate', 'key', 'caFile', 'folder'] as const;
export type PickPurpose = (typeof pickPurposes)[number];

export interface PickProfileFileRequest {
  readonly purpose: PickPurpose;
  /** The browser harness only: a name inside the home folder's `local-files/`. */
  readonly name?: string;
}

export type PickProfileFileResult =
  | { readonly kind: 'picked'; readonly pickId: string; readonly path: string }
  | { readonly kind: 'cancelled' };

/** `archivist envs check`'s report (electron/services/profiles/environment-check.ts). */
export interface ProfileCheckReport {
  readonly profile: ProfileSummary & { readonly baseUrl: string };
  readonly calendar: CalendarState;
  readonly certificates?: {
    readonly findings: readonly {
      readonly severity: 'error' | 'warning' | 'ok';
      readonly code: string;
      readonly message: string;
    }[];
    readonly isUsable: boolean;
  };
  readonly connection:
    | {
        readonly ok: true;
        readonly fhirVersion?: string;
        readonly software?: string;
        readonly documentCount?: number;
      }
    | { readonly ok: false; readonly error: AppError };
  readonly isUsable: boolean;
}

export const auditExportFormats = ['json', 'csv'] as const;
export type AuditExportFormat = (typeof auditExportFormats)[number];

export interface AuditExportRequest {
  readonly format: AuditExportFormat;
  readonly filter: AuditFilter;
}

export type AuditExportResult =
  | {
      readonly kind: 'saved';
      readonly fileName: string;
      readonly records: number;
      readonly byteSize: number;
    }
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'download';
      readonly fileName: string;
      readonly mediaType: string;
      readonly records: number;
      readonly base64: string;
    };
