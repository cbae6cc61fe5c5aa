/**
 * The result of "Check" (the report of `archivist envs check`): the calendar now, the
 * certificate doctor's findings with their severity written out, what the environment said
 * about itself, and whether the profile is usable.
 */
import type { CalendarWindow } from '../../../shared/environments/calendar';
import type { ProfileCheckReport } from '../../../shared/ipc/profile-editor-types';

const severityWords = { ok: 'OK', warning: 'Warning', error: 'Problem' } as const;

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/Helsinki',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function windowText(window: CalendarWindow): string {
  return `${window.description} (${window.kind}), ${when(window.startsAt)} – ${when(window.endsAt)} Helsinki time`;
}

export function CheckReportView({ report }: { readonly report: ProfileCheckReport }) {
  const { calendar, certificates, connection } = report;
  return (
    <section
      className="check-report"
      aria-label={`Check of ${report.profile.displayName}`}
      data-usable={report.isUsable}
    >
      <p className={report.isUsable ? 'verify-ok' : 'verify-bad'} role="status">
        {report.isUsable
          ? `${report.profile.displayName} is usable.`
          : `${report.profile.displayName} is not usable as configured.`}
      </p>
      <h4>Calendar</h4>
      <ul>
        <li>{calendar.inServiceHours ? 'Inside service hours.' : 'Outside service hours.'}</li>
        {calendar.activeWindow && (
          <li>
            Now: {windowText(calendar.activeWindow)}
            {calendar.activeWindow.isOutage ? '; requests are refused until it ends.' : '.'}
          </li>
        )}
        {calendar.nextWindow && <li>Next: {windowText(calendar.nextWindow)}.</li>}
      </ul>
      {certificates && (
        <>
          <h4>Certificates</h4>
          <ul className="doctor-findings">
            {certificates.findings.map((finding, index) => (
              <li key={`${finding.code}-${index}`} data-severity={finding.severity}>
                <strong>{severityWords[finding.severity]}:</strong> {finding.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Environment</h4>
      <p>
        {connection.ok
          ? `Answered: ${[
              connection.fhirVersion ? `FHIR ${connection.fhirVersion}` : undefined,
              connection.software,
              connection.documentCount === undefined
                ? undefined
                : `${connection.documentCount} documents`,
            ]
              .filter(Boolean)
              .join(', ')}.`
          : `${connection.error.message} (${connection.error.code})`}
      </p>
    </section>
  );
}
