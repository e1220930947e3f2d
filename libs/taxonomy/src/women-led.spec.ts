import {
  deriveWomenLeadership,
  WOMEN_LED_MIN_BOARD,
  WOMEN_LED_MIN_OWNERSHIP,
  WOMEN_OWNED_MIN_OWNERSHIP,
  WomenLeadershipInputs,
} from './women-led';

const inputs = (
  womenOwnershipPercent: number,
  womanInTopManagement: boolean,
  boardWomenPercent: number | null,
): WomenLeadershipInputs => ({ womenOwnershipPercent, womanInTopManagement, boardWomenPercent });

describe('women leadership (IFC definition)', () => {
  it('uses the IFC thresholds', () => {
    expect(WOMEN_OWNED_MIN_OWNERSHIP).toBe(51);
    expect(WOMEN_LED_MIN_OWNERSHIP).toBe(20);
    expect(WOMEN_LED_MIN_BOARD).toBe(30);
  });

  it.each([
    // ownership, woman in top management, board %, womenOwned, womenLed
    [19, true, null, false, false],
    [20, true, null, false, true],
    [50, true, null, false, true],
    [51, true, null, true, true],
    [51, false, null, true, false],
    [100, false, 100, true, false],
    [0, false, null, false, false],
    [0, true, 100, false, false],
    [20, true, 29, false, false],
    [20, true, 30, false, true],
    [60, true, 29, true, false],
    [60, true, 30, true, true],
    [60, true, 0, true, false],
    [19.9, true, 30, false, false],
    [50.9, true, 30, false, true],
  ] as const)(
    'ownership %p%%, top management %p, board %p%% -> owned %p, led %p',
    (ownership, topManagement, board, womenOwned, womenLed) => {
      expect(deriveWomenLeadership(inputs(ownership, topManagement, board))).toEqual({
        womenOwned,
        womenLed,
      });
    },
  );

  it('treats an undefined board percentage as having no board', () => {
    const noBoard = {
      womenOwnershipPercent: 25,
      womanInTopManagement: true,
    } as unknown as WomenLeadershipInputs;
    expect(deriveWomenLeadership(noBoard)).toEqual({ womenOwned: false, womenLed: true });
  });

  it.each([
    inputs(-1, true, null),
    inputs(101, true, null),
    inputs(Number.NaN, true, null),
    inputs(50, true, -0.1),
    inputs(50, true, 100.5),
    inputs(50, false, Number.NaN),
  ])('rejects out-of-range percentages (%p)', (bad) => {
    expect(() => deriveWomenLeadership(bad)).toThrow(RangeError);
  });

  it('holds the definition across a grid of inputs', () => {
    const percents = [0, 1, 19, 20, 21, 29, 30, 31, 50, 51, 52, 75, 99, 100];
    let checked = 0;
    for (const ownership of percents) {
      for (const topManagement of [true, false]) {
        for (const board of [null, ...percents]) {
          const status = deriveWomenLeadership(inputs(ownership, topManagement, board));
          expect(status.womenOwned).toBe(ownership >= 51);
          if (!topManagement) {
            expect(status.womenLed).toBe(false);
          }
          if (ownership < 20) {
            expect(status.womenLed).toBe(false);
          }
          if (board !== null && board < 30) {
            expect(status.womenLed).toBe(false);
          }
          expect(status.womenLed).toBe(ownership >= 20 && topManagement && (board === null || board >= 30));
          checked++;
        }
      }
    }
    expect(checked).toBe(percents.length * 2 * (percents.length + 1));
  });
});
