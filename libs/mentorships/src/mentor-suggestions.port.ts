/** A mentor offered to an organisation instead of one who did not answer or declined. */
export interface MentorSuggestion {
  readonly candidate: { readonly id: string; readonly displayName: string };
}

/**
 * Where suggestions come from: the organisation's recommended mentors who are open to requests,
 * best first (a system read; callers decide who may see them). Matching provides it; the product
 * binds the two where it is assembled (@app/platform), so mentorships does not depend on matching.
 */
export abstract class MentorSuggestions {
  abstract availableMentorsFor(organizationId: string): Promise<MentorSuggestion[]>;
}
