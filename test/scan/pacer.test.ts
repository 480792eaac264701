import { describe, expect, it } from 'vitest';
import { Pacer } from '../../electron/engine/scan/pacer';

describe('Pacer (--max-rate)', () => {
  it('lets nothing through faster than the rate, on average', () => {
    const pacer = new Pacer(1000); // one per millisecond
    let sent = 0;
    // A timer that fires every 4 ms: each wake-up sends what fell due, so 1,000 ms send ~1,000.
    for (let now = 0; now <= 1000; now += 4) while (pacer.take(now) === 0) sent++;
    expect(sent).toBeGreaterThanOrEqual(990);
    expect(sent).toBeLessThanOrEqual(1000 + 20);
  });

  it('says when the next probe may go', () => {
    const pacer = new Pacer(100); // every 10 ms, with up to 20 ms of catch-up
    let sentAtOnce = 0;
    while (pacer.take(1000) === 0) sentAtOnce++;
    expect(sentAtOnce).toBe(3);
    expect(pacer.take(1000)).toBe(1010);
    expect(pacer.take(1010)).toBe(0);
    expect(pacer.take(1010)).toBe(1020);
    expect(new Pacer(null).take(0)).toBe(0);
    expect(new Pacer(null).limited).toBe(false);
  });

  it('caps a catch-up burst after a long pause', () => {
    const pacer = new Pacer(1000, 20);
    pacer.take(0);
    let burst = 0;
    while (pacer.take(5000) === 0) burst++;
    expect(burst).toBeLessThanOrEqual(21);
  });
});
