import { Actor, DATE_MAX, DATE_MIN, badInput, forbidden, isAdmin, isDateInRange } from '@app/common';
import type { OrganizationCohortFacts } from '@app/profiles';
import { EconomyCode, ISIC_SECTIONS, Locality, SizeClass, isEconomyCode } from '@app/taxonomy';

/**
 * Narrows a report: the organisation fields pick the cohort's organisations it describes; `from`
 * and `to` (inclusive ISO dates) keep the activity in that window (requests by the day they were
 * sent, mentorships and their outcomes by the day the mentorship started).
 */
export interface ReportFilter {
  economy?: string | null;
  isicSection?: string | null;
  womenLed?: boolean | null;
  locality?: Locality | null;
  sizeClass?: SizeClass | null;
  from?: string | null;
  to?: string | null;
}

/** Refuses codes that do not exist (BAD_USER_INPUT) and economies the actor does not manage. */
export function checkFilter(actor: Actor, filter: ReportFilter): void {
  if (filter.economy != null) {
    if (!isEconomyCode(filter.economy))
      throw badInput('economy must be an APEC economy code', { field: 'filter.economy' });
    if (!isAdmin(actor) && !actor.managedEconomies.includes(filter.economy as EconomyCode))
      throw forbidden(`You do not manage economy ${filter.economy}`);
  }
  if (filter.isicSection != null && !ISIC_SECTIONS.some((s) => s.code === filter.isicSection))
    throw badInput('isicSection must be an ISIC section letter (A to U)', { field: 'filter.isicSection' });
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value != null && !isDateInRange(value)) {
      throw badInput(`${field} must be a date as YYYY-MM-DD from ${DATE_MIN} to ${DATE_MAX}`, {
        field: `filter.${field}`,
      });
    }
  }
  if (filter.from != null && filter.to != null && filter.from > filter.to)
    throw badInput('to must not be before from', { field: 'filter.to' });
}

/**
 * The organisations a report describes: those in `economies` (null: all, for admins) that match
 * every field of the filter.
 */
export function selectOrganizations(
  organizations: readonly OrganizationCohortFacts[],
  economies: readonly string[] | null,
  filter: ReportFilter,
): OrganizationCohortFacts[] {
  return organizations.filter(
    (o) =>
      (economies === null || economies.includes(o.economy)) &&
      (filter.economy == null || o.economy === filter.economy) &&
      (filter.isicSection == null || o.isicSection === filter.isicSection) &&
      (filter.womenLed == null || o.womenLed === filter.womenLed) &&
      (filter.locality == null || o.locality === filter.locality) &&
      (filter.sizeClass == null || o.sizeClass === filter.sizeClass),
  );
}

/** The filter's days as a half-open window of instants: [from 00:00 UTC, the day after `to`). */
export function activityWindow(filter: ReportFilter): { since: Date | null; until: Date | null } {
  const since = filter.from ? new Date(`${filter.from}T00:00:00Z`) : null;
  let until: Date | null = null;
  if (filter.to) {
    until = new Date(`${filter.to}T00:00:00Z`);
    until.setUTCDate(until.getUTCDate() + 1);
  }
  return { since, until };
}
