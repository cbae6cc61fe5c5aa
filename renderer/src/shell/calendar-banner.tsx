/**
 * The calendar banner (issue 6, item 1): during a service break, maintenance or the monthly
 * fault-testing window it says so and when it ends; otherwise a quiet line counts down to the
 * next window, so a tester knows before an outage surprises them. A page of two environments (a
 * comparison of AT against TK) shows one per environment, each naming its environment (review 9,
 * defect 11: "Service notice" did not say which).
 */
import type { CalendarWindow } from '../../../shared/environments/calendar';
import type { WorkspaceProfile } from '../../../shared/ipc/workspace-types';

/** "2 d 3 h", "3 h 5 min", "4 min": how long until an instant. */
export function formatCountdown(fromMs: number, toIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(toIso) - fromMs) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} min`;
  return `${rest} min`;
}

const helsinki = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

function when(window: CalendarWindow): string {
  return `${helsinki.format(new Date(window.startsAt))}–${helsinki.format(new Date(window.endsAt)).split(' ').at(-1) ?? ''} Helsinki time`;
}

export function CalendarBanner({
  profile,
  nowMs,
  isNamed = false,
}: {
  readonly profile: WorkspaceProfile;
  readonly nowMs: number;
  /** Name the environment: the page is about more than one. */
  readonly isNamed?: boolean;
}) {
  const { activeWindow, nextWindow, inServiceHours } = profile.calendar;
  const name = isNamed ? `${profile.displayName}: ` : '';
  if (activeWindow && Date.parse(activeWindow.endsAt) > nowMs) {
    return (
      <div
        className={`calendar-banner ${activeWindow.isOutage ? 'is-outage' : 'is-notice'}`}
        role="alert"
      >
        <strong>
          {name}
          {activeWindow.isOutage ? 'Scheduled outage now: ' : 'Service notice: '}
        </strong>
        {activeWindow.description} Ends in {formatCountdown(nowMs, activeWindow.endsAt)}.
      </div>
    );
  }
  return (
    <p className="calendar-line muted">
      {name}
      {inServiceHours ? 'Within supported service hours.' : 'Outside supported service hours.'}
      {nextWindow && (
        <>
          {' '}
          Next window: {nextWindow.description.split(':')[0]} ({when(nextWindow)}), in{' '}
          <span className="countdown">{formatCountdown(nowMs, nextWindow.startsAt)}</span>.
        </>
      )}
    </p>
  );
}

/** One banner per environment a page is about, named when there are several. */
export function CalendarBanners({
  profiles,
  nowMs,
}: {
  readonly profiles: readonly WorkspaceProfile[];
  readonly nowMs: number;
}) {
  return profiles.map((profile) => (
    <CalendarBanner
      key={profile.id}
      profile={profile}
      nowMs={nowMs}
      isNamed={profiles.length > 1}
    />
  ));
}
