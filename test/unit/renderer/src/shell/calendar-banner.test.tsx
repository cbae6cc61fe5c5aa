/**
 * Review 9, defect 11: on a comparison of two environments each calendar notice names its
 * environment, one per environment; a page of one environment names none.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { WorkspaceProfile } from '../../../../../shared/ipc/workspace-types';
import { CalendarBanners } from '../../../../../renderer/src/shell/calendar-banner';

const nowMs = Date.parse('2026-12-01T10:00:00Z');

function profile(id: string, displayName: string, calendar: WorkspaceProfile['calendar']) {
  return {
    id,
    displayName,
    kind: 'fhir',
    repository: 'patient-data',
    isTestEnvironment: true,
    connection: { state: 'unknown' },
    calendar,
  } as WorkspaceProfile;
}

const inService = { inServiceHours: true };
const maintenance = {
  inServiceHours: true,
  activeWindow: {
    kind: 'maintenance' as const,
    startsAt: '2026-12-01T09:00:00Z',
    endsAt: '2026-12-01T11:00:00Z',
    description: 'Monthly maintenance: updates may cause short breaks.',
    isOutage: false,
  },
};

/** The banners' text, one string per banner. */
function banners(profiles: readonly WorkspaceProfile[]): string[] {
  const html = renderToStaticMarkup(<CalendarBanners profiles={profiles} nowMs={nowMs} />);
  return [...html.matchAll(/<(p|div) class="calendar-[^"]*"[^>]*>(.*?)<\/\1>/g)].map((match) =>
    match[2]!.replace(/<[^>]+>/g, ''),
  );
}

describe('CalendarBanners', () => {
  it('names each environment of a comparison, one banner each', () => {
    expect(
      banners([profile('at', 'Kanta AT', inService), profile('tk', 'Kanta TK', maintenance)]),
    ).toEqual([
      'Kanta AT: Within supported service hours.',
      'Kanta TK: Service notice: Monthly maintenance: updates may cause short breaks. Ends in 1 h 0 min.',
    ]);
  });

  it('names none on a page of one environment', () => {
    expect(banners([profile('tk', 'Kanta TK', maintenance)])).toEqual([
      'Service notice: Monthly maintenance: updates may cause short breaks. Ends in 1 h 0 min.',
    ]);
  });
});
