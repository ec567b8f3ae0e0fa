import { restartDelay } from './start.command';

describe('restart back-off', () => {
  it.each([
    [0, 250],
    [1, 500],
    [2, 1000],
    [3, 2000],
    [6, 16_000],
    [7, 30_000],
    [50, 30_000],
  ])('attempt %i waits %i ms', (attempt, ms) => {
    expect(restartDelay(attempt)).toBe(ms);
  });
});
