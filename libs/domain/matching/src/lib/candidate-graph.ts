import type { IndexedCandidates, OrderSlots, Proposal } from './assignment';

/**
 * A run's scored pairs as they are read, in the flat form the assignment thread takes (`IndexedCandidates`):
 * each id once, pairs as indices in typed arrays that grow by doubling. Nearly a million pairs cost about 16 MB
 * so, where as objects with two id strings each they were most of the worker's peak memory.
 */
export class CandidateGraph {
  private readonly orderIds: string[];
  private readonly orderIndex: Map<string, number>;
  private readonly slots: Int32Array;
  private readonly applicantIds: string[] = [];
  private readonly applicantIndex = new Map<string, number>();
  private count = 0;
  private edgeOrder = new Int32Array(1024);
  private edgeApplicant = new Int32Array(1024);
  private edgeScore = new Float64Array(1024);

  constructor(orders: readonly OrderSlots[]) {
    this.orderIds = orders.map((o) => o.orderId);
    this.orderIndex = new Map(this.orderIds.map((id, i) => [id, i]));
    this.slots = Int32Array.from(orders, (o) => Math.max(0, o.slots));
  }

  get size(): number {
    return this.count;
  }

  slotsOf(orderId: string): number {
    return this.slots[this.orderIndex.get(orderId)!]!;
  }

  add(orderId: string, applicantId: string, score: number): void {
    let a = this.applicantIndex.get(applicantId);
    if (a === undefined) {
      a = this.applicantIds.length;
      this.applicantIds.push(applicantId);
      this.applicantIndex.set(applicantId, a);
    }
    if (this.count === this.edgeOrder.length) this.grow();
    this.edgeOrder[this.count] = this.orderIndex.get(orderId)!;
    this.edgeApplicant[this.count] = a;
    this.edgeScore[this.count] = score;
    this.count++;
  }

  /** The pairs so far, trimmed to their number (a copy the thread can take). */
  indexed(): IndexedCandidates {
    return {
      orderIds: this.orderIds,
      slots: this.slots,
      applicantIds: this.applicantIds,
      edgeCount: this.count,
      edgeOrder: this.edgeOrder.slice(0, this.count),
      edgeApplicant: this.edgeApplicant.slice(0, this.count),
      edgeScore: this.edgeScore.slice(0, this.count),
    };
  }

  /** The chosen pairs (indices from `assignIndexed`) as proposals. */
  proposals(chosen: Int32Array): Proposal[] {
    return Array.from(chosen, (k) => ({
      orderId: this.orderIds[this.edgeOrder[k]!]!,
      applicantId: this.applicantIds[this.edgeApplicant[k]!]!,
      score: this.edgeScore[k]!,
    }));
  }

  private grow(): void {
    const size = this.edgeOrder.length * 2;
    const [o, a, s] = [new Int32Array(size), new Int32Array(size), new Float64Array(size)];
    o.set(this.edgeOrder);
    a.set(this.edgeApplicant);
    s.set(this.edgeScore);
    [this.edgeOrder, this.edgeApplicant, this.edgeScore] = [o, a, s];
  }
}
