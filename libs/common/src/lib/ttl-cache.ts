/**
 * A small in-process cache of answers that anyone may read (the public job orders, verified employers and feeds):
 * each key is loaded once per `ttlMs` and shared by every caller meanwhile, concurrent callers of a key being
 * loaded wait for the same load (a burst of readers costs one query), a failed load is not kept, and at most
 * `maxEntries` keys are held (the oldest loaded goes first), so arbitrary filters cannot grow it without bound.
 *
 * Per process: several api processes each hold their own copy, so a change shows everywhere within one TTL.
 * Time is `performance.now()`, which no clock change moves. A TTL of 0 keeps nothing (every call loads).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const now = this.now();
    const held = this.entries.get(key);
    if (held && held.expires > now) return held.value;
    if (held) this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const value = load();
    const entry = { expires: now + this.ttlMs, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets every answer (tests, and whoever must show a change at once in this process). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
