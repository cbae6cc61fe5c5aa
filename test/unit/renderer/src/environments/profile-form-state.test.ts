/**
 * The Environments form's state ↔ draft: a stored profile fills the form with its files kept
 * (never a passphrase), and the draft carries only what the chosen options use: PKCS#12 or PEM
 * files, the operator only when filled, a folder instead of a URL, calendar on or off.
 */
import { describe, expect, it } from 'vitest';
import {
  draftOf,
  newProfileState,
  stateOfProfile,
} from '../../../../../renderer/src/environments/profile-form-state';
import { alwaysOpenCalendar } from '../../../../../shared/environments/calendar';
import type { EnvironmentProfile } from '../../../../../shared/environments/profile';

const stored: EnvironmentProfile = {
  id: 'kanta-at',
  displayName: 'Kanta AT',
  kind: 'AT',
  baseUrl: 'https://at.example.fi/fhir',
  repository: 'patient-data',
  isTestEnvironment: true,
  operator: { name: 'Tiina', registrationNumber: '9999999', organisationOid: '1.2.246.10.1' },
  tls: { pkcs12: '/certs/at.p12', caFile: '/certs/ca.pem', passphraseRef: 'profile:kanta-at' },
};

describe('profile form state', () => {
  it('fills the form from a stored profile with its files kept and no passphrase', () => {
    const state = stateOfProfile({ profile: stored, isPassphraseStored: true });
    expect(state).toMatchObject({
      mode: 'edit',
      tlsMode: 'pkcs12',
      pkcs12: { path: '/certs/at.p12', choice: { keep: true } },
      caFile: { path: '/certs/ca.pem', choice: { keep: true } },
      hasPassphrase: true,
      passphrase: '',
      followsCalendar: true,
      operatorName: 'Tiina',
    });
    expect(draftOf(state)).toEqual({
      id: 'kanta-at',
      displayName: 'Kanta AT',
      kind: 'AT',
      repository: 'patient-data',
      baseUrl: 'https://at.example.fi/fhir',
      isTestEnvironment: true,
      operator: { name: 'Tiina', registrationNumber: '9999999', organisationOid: '1.2.246.10.1' },
      tls: { pkcs12: { keep: true }, caFile: { keep: true }, hasPassphrase: true },
      followsCalendar: true,
    });
  });

  it('reads an always-open calendar as calendar off', () => {
    const state = stateOfProfile({
      profile: { ...stored, calendar: alwaysOpenCalendar },
      isPassphraseStored: false,
    });
    expect(state.followsCalendar).toBe(false);
    expect(draftOf(state).followsCalendar).toBe(false);
  });

  it('sends PEM files, a folder or no certificate as chosen, and no empty operator', () => {
    const pem = draftOf({
      ...newProfileState,
      id: 'pem',
      baseUrl: 'https://x.example/fhir',
      tlsMode: 'pem',
      certificate: { path: '/c.pem', choice: { pickId: 'pick-a' } },
      pkcs12: { path: '/ignored.p12', choice: { pickId: 'pick-b' } },
    });
    expect(pem.tls).toEqual({ certificate: { pickId: 'pick-a' }, hasPassphrase: false });
    expect(pem.operator).toBeUndefined();
    const folder = draftOf({
      ...newProfileState,
      id: 'cases',
      kind: 'folder',
      baseUrl: 'https://ignored',
      tlsMode: 'pkcs12',
      folder: { path: '/cases', choice: { pickId: 'pick-c' } },
    });
    expect(folder).toMatchObject({ folder: { pickId: 'pick-c' } });
    expect(folder.baseUrl).toBeUndefined();
    expect(folder.tls).toBeUndefined();
    expect(draftOf({ ...newProfileState, id: 'plain' }).tls).toBeUndefined();
    // A PKCS#12 profile without a chosen file asks main to keep one: main answers that none is.
    expect(draftOf({ ...newProfileState, tlsMode: 'pkcs12' }).tls?.pkcs12).toEqual({ keep: true });
  });
});
