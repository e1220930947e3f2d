/**
 * What the server derives from an organisation's inputs, worked out in the browser only to
 * preview it in the form (the server's values are the ones stored and shown elsewhere).
 */
export type SizeClass = 'MICRO' | 'SMALL' | 'MEDIUM' | 'LARGE';

/** By employees (IFC-style): micro < 10, small 10–49, medium 50–300, large > 300. */
export function sizeClassOf(employees: number): SizeClass {
  if (employees < 10) return 'MICRO';
  if (employees < 50) return 'SMALL';
  if (employees <= 300) return 'MEDIUM';
  return 'LARGE';
}

/**
 * IFC: women-owned ≥ 51 % owned by women; women-led ≥ 20 % owned by women, a woman in top
 * management and, where there is a board, ≥ 30 % women on it.
 */
export function womenLeadership(input: {
  womenOwnershipPercent: number;
  womanInTopManagement: boolean;
  boardWomenPercent: number | null;
}): { womenOwned: boolean; womenLed: boolean } {
  const { womenOwnershipPercent, womanInTopManagement, boardWomenPercent } = input;
  return {
    womenOwned: womenOwnershipPercent >= 51,
    womenLed:
      womenOwnershipPercent >= 20 &&
      womanInTopManagement &&
      (boardWomenPercent === null || boardWomenPercent >= 30),
  };
}
