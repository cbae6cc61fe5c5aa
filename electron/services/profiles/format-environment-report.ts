/** The `envs check` report as lines a tester reads (the JSON form is the report itself). */
import type { CalendarState, CalendarWindow } from '../../../shared/environments/calendar';
import { helsinkiDateTime } from '../environments/fhir/helsinki-format';
import type { EnvironmentReport } from './environment-check';

const marks = { ok: 'ok  ', warning: 'warn', error: 'FAIL' } as const;

function windowText(window: CalendarWindow): string {
  const from = helsinkiDateTime(new Date(window.startsAt));
  const to = helsinkiDateTime(new Date(window.endsAt));
  return `${window.description} (${window.kind}, ${from} – ${to} Helsinki time)`;
}

function calendarLines(state: CalendarState): string[] {
  const lines = [`  service hours: ${state.inServiceHours ? 'inside' : 'outside'}`];
  if (state.activeWindow)
    lines.push(
      `  now: ${windowText(state.activeWindow)}${state.activeWindow.isOutage ? ' — requests are refused until it ends' : ''}`,
    );
  if (state.nextWindow) lines.push(`  next: ${windowText(state.nextWindow)}`);
  return lines;
}

export function formatReport(report: EnvironmentReport): string {
  const { profile, connection } = report;
  const lines = [`${profile.id} (${profile.kind}) ${profile.displayName}: ${profile.baseUrl}`];
  lines.push('calendar:', ...calendarLines(report.calendar));
  if (report.certificates) {
    lines.push('certificates:');
    for (const finding of report.certificates.findings)
      lines.push(`  ${marks[finding.severity]} ${finding.message}`);
  }
  lines.push('environment:');
  if (connection.ok) {
    const facts = [
      connection.fhirVersion ? `FHIR ${connection.fhirVersion}` : undefined,
      connection.software,
      connection.documentCount === undefined ? undefined : `${connection.documentCount} documents`,
    ].filter(Boolean);
    lines.push(`  ok   answered${facts.length > 0 ? `: ${facts.join(', ')}` : ''}`);
  } else lines.push(`  FAIL ${connection.error.message} (${connection.error.code})`);
  lines.push(report.isUsable ? 'usable: yes' : 'usable: no');
  return lines.join('\n');
}
