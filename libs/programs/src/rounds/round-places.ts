import type { RoundMentor, RoundOrganization } from './round-cohort';

export interface PlacedPair {
  organizationId: string;
  mentorId: string;
}

/** A side holding more pairs than the places the round gave it. */
export interface OverPlaces {
  kind: 'organization' | 'mentor';
  id: string;
  pairs: number;
  places: number;
}

/**
 * The first organisation, then mentor, whose pairs exceed its places as the round stored them
 * (one not in the round has none); null when every side fits. A review keeps within the places
 * the round solved with.
 */
export function overPlaces(
  organizations: readonly RoundOrganization[],
  mentors: readonly RoundMentor[],
  pairs: readonly PlacedPair[],
): OverPlaces | null {
  const sides = [
    { kind: 'organization', places: organizations, idOf: (p: PlacedPair) => p.organizationId },
    { kind: 'mentor', places: mentors, idOf: (p: PlacedPair) => p.mentorId },
  ] as const;
  for (const side of sides) {
    const places = new Map(side.places.map((x) => [x.id, x.places]));
    const count = new Map<string, number>();
    for (const pair of pairs) count.set(side.idOf(pair), (count.get(side.idOf(pair)) ?? 0) + 1);
    for (const [id, n] of [...count].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const room = places.get(id) ?? 0;
      if (n > room) return { kind: side.kind, id, pairs: n, places: room };
    }
  }
  return null;
}
