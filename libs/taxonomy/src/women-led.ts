// IFC definitions of women-owned and women-led enterprises.
export const WOMEN_OWNED_MIN_OWNERSHIP = 51;
export const WOMEN_LED_MIN_OWNERSHIP = 20;
export const WOMEN_LED_MIN_BOARD = 30;

export interface WomenLeadershipInputs {
  womenOwnershipPercent: number;
  womanInTopManagement: boolean;
  /** Share of board seats held by women; null (or undefined) when the firm has no board. */
  boardWomenPercent: number | null;
}

export interface WomenLeadershipStatus {
  womenOwned: boolean;
  womenLed: boolean;
}

function assertPercent(name: string, value: number): void {
  // Written as a negated range check so that NaN is rejected too.
  if (!(value >= 0 && value <= 100)) {
    throw new RangeError(`${name} must be between 0 and 100, got ${value}`);
  }
}

/**
 * Women-owned: at least 51% owned by women. Women-led: at least 20% owned by women, at least one
 * woman as CEO/COO/President/Vice-President, and, where there is a board, at least 30% women on it.
 */
export function deriveWomenLeadership(inputs: WomenLeadershipInputs): WomenLeadershipStatus {
  const { womenOwnershipPercent, womanInTopManagement, boardWomenPercent } = inputs;
  assertPercent('womenOwnershipPercent', womenOwnershipPercent);
  const hasBoard = boardWomenPercent !== null && boardWomenPercent !== undefined;
  if (hasBoard) {
    assertPercent('boardWomenPercent', boardWomenPercent);
  }

  const womenOwned = womenOwnershipPercent >= WOMEN_OWNED_MIN_OWNERSHIP;
  const womenLed =
    womenOwnershipPercent >= WOMEN_LED_MIN_OWNERSHIP &&
    womanInTopManagement &&
    (!hasBoard || boardWomenPercent >= WOMEN_LED_MIN_BOARD);

  return { womenOwned, womenLed };
}
