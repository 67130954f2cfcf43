/**
 * Optimal assignment of applicants to competing job orders: each applicant to at most one order, each order at
 * most its number of slots, first as many proposals as possible, then the largest total score. It is a
 * min-cost max-flow on source → order (capacity = slots) → applicant (score) → sink (capacity 1), solved by the
 * primal-dual method: Dijkstra on reduced costs, then a blocking flow along every shortest path at once.
 * Plain TypeScript, deterministic: inputs are sorted, ties go to the lower order id, then applicant id.
 */
export interface CandidateEdge {
  orderId: string;
  applicantId: string;
  /** 0 to 100, one decimal. */
  score: number;
}

export interface OrderSlots {
  orderId: string;
  slots: number;
}

export interface Proposal {
  orderId: string;
  applicantId: string;
  score: number;
}

class Network {
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly cost: number[] = [];
  readonly adj: number[][];

  constructor(readonly size: number) {
    this.adj = Array.from({ length: size }, () => []);
  }

  /** Adds u→v and its residual twin v→u (index ^ 1); returns the forward edge. */
  add(u: number, v: number, cap: number, cost: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(cap, 0);
    this.cost.push(cost, -cost);
    this.adj[u]!.push(e);
    this.adj[v]!.push(e + 1);
    return e;
  }
}

/** A binary heap of (distance, node), ties to the lower node so the result never depends on insertion order. */
class Heap {
  private readonly d: number[] = [];
  private readonly n: number[] = [];

  get size(): number {
    return this.d.length;
  }

  push(dist: number, node: number): void {
    this.d.push(dist);
    this.n.push(node);
    let i = this.d.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.d[0]!, this.n[0]!];
    const lastD = this.d.pop()!;
    const lastN = this.n.pop()!;
    if (this.d.length) {
      this.d[0] = lastD;
      this.n[0] = lastN;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.d.length && this.less(l, m)) m = l;
        if (r < this.d.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.d[a]! < this.d[b]! || (this.d[a] === this.d[b] && this.n[a]! < this.n[b]!);
  }

  private swap(a: number, b: number): void {
    [this.d[a], this.d[b]] = [this.d[b]!, this.d[a]!];
    [this.n[a], this.n[b]] = [this.n[b]!, this.n[a]!];
  }
}

export function assignOptimally(orders: readonly OrderSlots[], edges: readonly CandidateEdge[]): Proposal[] {
  const orderIds = [...new Set(orders.filter((o) => o.slots > 0).map((o) => o.orderId))].sort();
  const slots = new Map(orders.map((o) => [o.orderId, o.slots]));
  const usable = edges
    .filter((e) => slots.has(e.orderId) && (slots.get(e.orderId) ?? 0) > 0)
    .slice()
    .sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0));
  const applicantIds = [...new Set(usable.map((e) => e.applicantId))].sort();
  if (!orderIds.length || !applicantIds.length) return [];

  const orderIndex = new Map(orderIds.map((id, i) => [id, 1 + i]));
  const applicantIndex = new Map(applicantIds.map((id, i) => [id, 1 + orderIds.length + i]));
  const source = 0;
  const sink = 1 + orderIds.length + applicantIds.length;
  const g = new Network(sink + 1);
  for (const id of orderIds) g.add(source, orderIndex.get(id)!, slots.get(id)!, 0);
  const pairEdges: { edge: number; candidate: CandidateEdge }[] = [];
  for (const c of usable) {
    // Costs in tenths of a point, negated: the cheapest flow is the best-scoring one.
    pairEdges.push({ edge: g.add(orderIndex.get(c.orderId)!, applicantIndex.get(c.applicantId)!, 1, -Math.round(c.score * 10)), candidate: c });
  }
  for (const id of applicantIds) g.add(applicantIndex.get(id)!, sink, 1, 0);

  // Potentials that make every initial reduced cost non-negative (the network is a DAG: one relaxation pass).
  const potential = new Array<number>(g.size).fill(0);
  for (const { edge } of pairEdges) {
    const v = g.to[edge]!;
    potential[v] = Math.min(potential[v]!, g.cost[edge]!);
  }
  potential[sink] = Math.min(0, ...applicantIds.map((id) => potential[applicantIndex.get(id)!]!));

  const INF = Number.POSITIVE_INFINITY;
  const dist = new Array<number>(g.size);
  const level = new Int32Array(g.size);
  const iter = new Int32Array(g.size);
  const reduced = (e: number, u: number) => g.cost[e]! + potential[u]! - potential[g.to[e]!]!;

  for (;;) {
    // 1. Shortest reduced distances from the source.
    dist.fill(INF);
    dist[source] = 0;
    const heap = new Heap();
    heap.push(0, source);
    const done = new Uint8Array(g.size);
    while (heap.size) {
      const [d, u] = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      // Every node not yet settled is at least as far as the sink: step 2 gives them the sink's distance.
      if (u === sink) break;
      for (const e of g.adj[u]!) {
        if (g.cap[e]! <= 0) continue;
        const v = g.to[e]!;
        const nd = d + reduced(e, u);
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
    if (dist[sink] === INF) break;
    // 2. New potentials: shortest-path edges get reduced cost 0, none goes negative.
    const dt = dist[sink]!;
    for (let v = 0; v < g.size; v++) potential[v] += done[v] ? dist[v]! : dt;
    // 3. Blocking flow along every zero-reduced-cost path (Dinic on the admissible graph).
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi]!;
        for (const e of g.adj[u]!) {
          const v = g.to[e]!;
          if (g.cap[e]! > 0 && level[v] === -1 && reduced(e, u) === 0) {
            level[v] = level[u]! + 1;
            queue.push(v);
          }
        }
      }
      if (level[sink] === -1) break;
      iter.fill(0);
      while (push(source)) {
        /* one unit per path: applicant→sink edges have capacity 1 */
      }
    }
  }

  function push(u: number): boolean {
    if (u === sink) return true;
    const edgesOfU = g.adj[u]!;
    for (; iter[u]! < edgesOfU.length; iter[u]++) {
      const e = edgesOfU[iter[u]!]!;
      const v = g.to[e]!;
      if (g.cap[e]! > 0 && level[v] === level[u]! + 1 && reduced(e, u) === 0 && push(v)) {
        g.cap[e]--;
        g.cap[e ^ 1]++;
        return true;
      }
    }
    return false;
  }

  return pairEdges
    .filter(({ edge }) => g.cap[edge] === 0)
    .map(({ candidate }) => ({ orderId: candidate.orderId, applicantId: candidate.applicantId, score: candidate.score }));
}

/** First come, first served: each order in turn takes its best remaining applicants. The method Puente does not use. */
export function assignGreedily(orders: readonly OrderSlots[], edges: readonly CandidateEdge[]): Proposal[] {
  const taken = new Set<string>();
  const out: Proposal[] = [];
  for (const order of orders) {
    const best = edges
      .filter((e) => e.orderId === order.orderId && !taken.has(e.applicantId))
      .sort((a, b) => b.score - a.score || (a.applicantId < b.applicantId ? -1 : 1))
      .slice(0, order.slots);
    for (const e of best) {
      taken.add(e.applicantId);
      out.push({ ...e });
    }
  }
  return out;
}
