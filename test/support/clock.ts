// Jest setup file (every tier): with PUENTE_TEST_CLOCK set to an ISO instant, the test process's clock reads
// that instant when the test file starts and keeps ticking from there. `Date.now()` and `new Date()` (no
// arguments) are shifted; `new Date(x)`, `Date.parse`, `Date.UTC` and `instanceof Date` behave as always. The api
// and the worker run inside e2e test processes, so they see the same clock. PostgreSQL's `now()` and Redis keep
// real time: pick instants ahead of the real one (tools/test.mjs does) so nothing dated by the database is later
// than "today". Used by the midnight check in `npm test`: today must be El Salvador's whatever the hour in UTC.
// A test that lives through seasons moves the clock forward itself with `moveClockTo`.

interface ClockState {
  realNow: () => number;
  offset: number;
}

const holder = globalThis as { __puenteClock?: ClockState; __puenteSharedWorker?: boolean };

/** Replaces the global Date once per test file, shifted by the (changeable) offset. */
function install(): ClockState {
  if (holder.__puenteClock) return holder.__puenteClock;
  const RealDate = Date;
  const state: ClockState = { realNow: () => RealDate.now(), offset: 0 };
  const now = () => RealDate.now() + state.offset;
  function ShiftedDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
  }
  // Instances are real Dates: one prototype, so `instanceof` holds both ways.
  ShiftedDate.prototype = RealDate.prototype;
  Object.defineProperty(ShiftedDate, 'length', { value: RealDate.length });
  Object.assign(ShiftedDate, { now, parse: RealDate.parse, UTC: RealDate.UTC });
  globalThis.Date = ShiftedDate as unknown as DateConstructor;
  holder.__puenteClock = state;
  return state;
}

/** From now on the process's clock reads `instant` and keeps ticking; only forward, as time goes. */
export function moveClockTo(instant: string | number): void {
  if (holder.__puenteSharedWorker) {
    // It would run every suite's delayed and nightly jobs, and seat other suites' workers, at the moved date.
    throw new Error('A worker on the run’s shared queues runs in this process: start it on queues of its own (clockShiftedQueues) before moving the clock.');
  }
  const target = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(target)) throw new Error(`Not an instant: ${instant}`);
  const state = install();
  const offset = target - state.realNow();
  if (offset < state.offset) throw new Error('The test clock only moves forward.');
  state.offset = offset;
}

/** Called by the test helpers that boot a worker in this process on the queue prefix `prefix`. */
export function workerStartedOn(prefix: string | undefined): void {
  if (prefix === process.env.QUEUE_PREFIX) holder.__puenteSharedWorker = true;
}

/**
 * How far the test clock is ahead of the real one (0 when not shifted): subtract it from `Date.now()` before
 * comparing with a time PostgreSQL stamped (its `now()` keeps real time).
 */
export function clockOffsetMs(): number {
  return holder.__puenteClock?.offset ?? 0;
}

const instant = process.env.PUENTE_TEST_CLOCK;
if (instant) {
  if (Number.isNaN(Date.parse(instant))) throw new Error(`PUENTE_TEST_CLOCK is not an ISO instant: ${instant}`);
  moveClockTo(instant);
}
