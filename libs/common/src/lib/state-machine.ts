import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';

/**
 * A small finite-state machine: for each event, the states it may start from and the state it leads to.
 * Each aggregate declares its own in a `*.state-machine.ts` beside its spec; this is the shared mechanism.
 */
export type TransitionTable<S extends string, E extends string> = Readonly<
  Record<E, { readonly from: readonly S[]; readonly to: S }>
>;

export class StateMachine<S extends string, E extends string> {
  constructor(
    private readonly aggregate: string,
    private readonly table: TransitionTable<S, E>,
  ) {}

  /** The state after `event`, or INVALID_TRANSITION naming the aggregate, the state and the event. */
  next(current: S, event: E): S {
    const rule = this.table[event];
    if (!rule.from.includes(current)) {
      throw new DomainException(
        ErrorCode.INVALID_TRANSITION,
        `Cannot ${humanize(event)} this ${this.aggregate}: it is ${current}, and this is allowed only from ${rule.from.join(', ')}.`,
      );
    }
    return rule.to;
  }

  can(current: S, event: E): boolean {
    return this.table[event].from.includes(current);
  }

  /** Events allowed from a state, for clients that show the next possible actions. */
  eventsFrom(current: S): E[] {
    return (Object.keys(this.table) as E[]).filter((e) => this.table[e].from.includes(current));
  }
}

function humanize(event: string): string {
  return event.toLowerCase().replace(/_/g, ' ');
}
