/**
 * The sandbox's notion of "now". Expiry of keys and invitations is judged by it, and tests move it forward with
 * `POST /_sandbox/clock` instead of waiting. Given a start instant it stands still (tests stay deterministic);
 * otherwise it follows the wall clock, shifted by whatever was advanced.
 */
export type ClockSnapshot =
  { readonly mode: 'frozen'; readonly now: string } | { readonly mode: 'wall'; readonly offsetMs: number };

export interface Clock {
  now(): Date;
  advance(ms: number): void;
  snapshot(): ClockSnapshot;
  /** Back to a saved state (`POST /_sandbox/reset`). */
  restore(snapshot: ClockSnapshot): void;
}

export function createClock(init: ClockSnapshot): Clock {
  let frozen: number | undefined;
  let offsetMs = 0;
  const restore = (snapshot: ClockSnapshot) => {
    frozen = snapshot.mode === 'frozen' ? Date.parse(snapshot.now) : undefined;
    offsetMs = snapshot.mode === 'wall' ? snapshot.offsetMs : 0;
  };
  restore(init);
  return {
    restore,
    now: () => new Date(frozen ?? Date.now() + offsetMs),
    advance(ms) {
      if (frozen !== undefined) frozen += ms;
      else offsetMs += ms;
    },
    snapshot: () =>
      frozen !== undefined ? { mode: 'frozen', now: new Date(frozen).toISOString() } : { mode: 'wall', offsetMs },
  };
}
