/**
 * The calendar check before anything is sent (DOMAIN.md §1): inside a window the calendar marks
 * as an outage (the monthly fault-testing disconnection, an announced outage, a maintenance
 * window configured as an outage) the client answers at once, naming the window and when it
 * ends, instead of waiting for deadlines against an environment that is down on purpose.
 */
import {
  outageAt,
  type CalendarWindow,
  type EnvironmentCalendar,
} from '../../../../shared/environments/calendar';
import { err, ok, type Result } from '../../../../shared/result';
import { environmentErrorCodes } from '../connection';
import { helsinkiDateTime } from './helsinki-format';

const windowNames: Record<CalendarWindow['kind'], string> = {
  'fault-testing': 'its scheduled fault-testing window',
  maintenance: 'its maintenance window',
  'announced-outage': 'an announced outage',
  'outside-service-hours': 'a time outside service hours',
};

/** ok when no outage is on at `now`; otherwise `env-scheduled-outage`. */
export function checkOutage(
  calendar: EnvironmentCalendar | undefined,
  now: Date,
  serverName: string,
): Result<void> {
  const window = calendar ? outageAt(calendar, now) : undefined;
  if (!window) return ok(undefined);
  return err(
    environmentErrorCodes.scheduledOutage,
    `${serverName} is in ${windowNames[window.kind]} until ${helsinkiDateTime(new Date(window.endsAt))} Helsinki time, so nothing was sent. ${window.description}`,
  );
}
