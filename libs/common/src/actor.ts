import type { EconomyCode } from '@app/taxonomy';

export enum Role {
  MSME_OWNER = 'MSME_OWNER',
  MENTOR = 'MENTOR',
  PROGRAM_MANAGER = 'PROGRAM_MANAGER',
  ADMIN = 'ADMIN',
}

/** Who is calling: what every service needs to decide what they may see and change. */
export interface Actor {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** Economies a program manager is responsible for (empty for other roles). */
  readonly managedEconomies: readonly EconomyCode[];
}

export const isAdmin = (actor: Actor): boolean => actor.roles.includes(Role.ADMIN);

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);

/** Economies whose records a program manager may read; `null` means all (admins). */
export function readableEconomies(actor: Actor): readonly EconomyCode[] | null {
  if (isAdmin(actor)) return null;
  return hasRole(actor, Role.PROGRAM_MANAGER) ? actor.managedEconomies : [];
}
