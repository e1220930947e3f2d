import type { Locality, SizeClass } from '@app/taxonomy';
import type { OrganizationKind } from './organization.entity';

export interface OrganizationFilter {
  economy?: string | null;
  /** An ISIC section letter or a division code. */
  sector?: string | null;
  kind?: OrganizationKind | null;
  womenLed?: boolean | null;
  womenOwned?: boolean | null;
  locality?: Locality | null;
  sizeClass?: SizeClass | null;
  /** A need (expertise topic) the organisation has. */
  topic?: string | null;
  language?: string | null;
  /** Case-insensitive part of the name. */
  search?: string | null;
  /** Only organisations the caller owns. */
  mine?: boolean | null;
}

export interface MentorFilter {
  /** Where the mentor lives. */
  economy?: string | null;
  /** Has worked in this economy. */
  experienceIn?: string | null;
  /** Matches mentors listing the division, its section, or (for a section) any of its divisions. */
  sector?: string | null;
  topic?: string | null;
  language?: string | null;
  acceptingRequests?: boolean | null;
  /** Case-insensitive part of the name or headline. */
  search?: string | null;
}
