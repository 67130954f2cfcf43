/**
 * Optimal assignment of applicants to competing job orders: each applicant to at most one order, each order at
 * most its number of slots; first as many proposals as possible, then the largest total score. It is a
 * min-cost max-flow on source → order (capacity = slots) → applicant (−score) → sink (capacity 1), solved by the
 * primal-dual method: Dijkstra on reduced costs, then a blocking flow along every shortest path at once, so the
 * number of rounds is bounded by the number of distinct path costs, not by the number of proposals. Orders that
 * share no candidate are solved apart (connected components).
 * Plain TypeScript, deterministic: inputs are sorted; ties go to the lower order id, then applicant id.
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

const byIds = (a: CandidateEdge, b: CandidateEdge) =>
  a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0;

export function assignOptimally(orders: readonly OrderSlots[], edges: readonly CandidateEdge[]): Proposal[] {
  const slots = new Map<string, number>();
  for (const o of orders) if (o.slots > 0) slots.set(o.orderId, o.slots);
  const usable = edges.filter((e) => slots.has(e.orderId)).sort(byIds);
  const proposals: Proposal[] = [];
  for (const component of components(usable)) proposals.push(...solve(component, slots));
  return proposals.sort(byIds);
}

/** Groups edges into connected components of the order–applicant graph (union–find on order ids). */
function components(edges: readonly CandidateEdge[]): CandidateEdge[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const firstOrderOf = new Map<string, string>();
  for (const e of edges) {
    if (!parent.has(e.orderId)) parent.set(e.orderId, e.orderId);
    const seen = firstOrderOf.get(e.applicantId);
    if (seen === undefined) firstOrderOf.set(e.applicantId, e.orderId);
    else {
      const [a, b] = [find(seen), find(e.orderId)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const groups = new Map<string, CandidateEdge[]>();
  for (const e of edges) {
    const root = find(e.orderId);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(e);
  }
  return [...groups.keys()].sort().map((k) => groups.get(k)!);
}

function solve(edges: readonly CandidateEdge[], slots: ReadonlyMap<string, number>): Proposal[] {
  const orderIds = [...new Set(edges.map((e) => e.orderId))];
  const applicantIds = [...new Set(edges.map((e) => e.applicantId))].sort();
  const orderIndex = new Map(orderIds.map((id, i) => [id, 1 + i]));
  const applicantIndex = new Map(applicantIds.map((id, i) => [id, 1 + orderIds.length + i]));
  const source = 0;
  const sink = 1 + orderIds.length + applicantIds.length;
  const nodes = sink + 1;
  const edgeCount = 2 * (orderIds.length + edges.length + applicantIds.length);

  // Edges in flat typed arrays; the residual twin of edge e is e ^ 1. Adjacency in CSR form, in insertion order.
  const to = new Int32Array(edgeCount);
  const from = new Int32Array(edgeCount);
  const cap = new Int32Array(edgeCount);
  const cost = new Float64Array(edgeCount);
  let m = 0;
  const add = (u: number, v: number, capacity: number, c: number) => {
    to[m] = v;
    from[m] = u;
    cap[m] = capacity;
    cost[m] = c;
    to[m + 1] = u;
    from[m + 1] = v;
    cost[m + 1] = -c;
    m += 2;
    return m - 2;
  };
  for (const id of orderIds) add(source, orderIndex.get(id)!, slots.get(id)!, 0);
  const firstPair = m;
  // Costs in tenths of a point, negated: the cheapest flow is the best-scoring one.
  for (const e of edges) add(orderIndex.get(e.orderId)!, applicantIndex.get(e.applicantId)!, 1, -Math.round(e.score * 10));
  for (const id of applicantIds) add(applicantIndex.get(id)!, sink, 1, 0);

  const start = new Int32Array(nodes + 1);
  for (let e = 0; e < m; e++) start[from[e]! + 1]!++;
  for (let v = 0; v < nodes; v++) start[v + 1]! += start[v]!;
  const adj = new Int32Array(m);
  const fill = start.slice(0, nodes);
  for (let e = 0; e < m; e++) adj[fill[from[e]!]!++] = e;

  // Potentials that make every initial reduced cost non-negative (the network is a DAG: one pass).
  const potential = new Float64Array(nodes);
  for (let e = firstPair; e < firstPair + 2 * edges.length; e += 2) potential[to[e]!] = Math.min(potential[to[e]!]!, cost[e]!);
  for (const id of applicantIds) potential[sink] = Math.min(potential[sink]!, potential[applicantIndex.get(id)!]!);
  const reduced = (e: number) => cost[e]! + potential[from[e]!]! - potential[to[e]!]!;

  const dist = new Float64Array(nodes);
  const settled = new Uint8Array(nodes);
  const level = new Int32Array(nodes);
  const iter = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const pathEdges = new Int32Array(nodes);
  const heap = new MinHeap(nodes);

  for (;;) {
    // 1. Shortest reduced distances from the source, stopping once the sink is settled.
    dist.fill(Number.POSITIVE_INFINITY);
    settled.fill(0);
    dist[source] = 0;
    heap.clear();
    heap.push(0, source);
    while (heap.size) {
      const u = heap.pop();
      if (settled[u]) continue;
      settled[u] = 1;
      if (u === sink) break;
      const du = dist[u]!;
      for (let i = start[u]!; i < start[u + 1]!; i++) {
        const e = adj[i]!;
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        const nd = du + reduced(e);
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(nd, v);
        }
      }
    }
    if (!settled[sink]) break;
    // 2. New potentials: shortest-path edges get reduced cost 0 and none goes negative (unsettled nodes are at
    //    least as far as the sink, so they take the sink's distance).
    const dt = dist[sink]!;
    for (let v = 0; v < nodes; v++) potential[v]! += settled[v] ? dist[v]! : dt;
    // 3. Blocking flows along zero-reduced-cost paths (Dinic on the admissible graph), iterative DFS.
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = source;
      while (head < tail) {
        const u = queue[head++]!;
        for (let i = start[u]!; i < start[u + 1]!; i++) {
          const e = adj[i]!;
          const v = to[e]!;
          if (cap[e]! > 0 && level[v] === -1 && reduced(e) === 0) {
            level[v] = level[u]! + 1;
            queue[tail++] = v;
          }
        }
      }
      if (level[sink] === -1) break;
      for (let v = 0; v < nodes; v++) iter[v] = start[v]!;
      for (;;) {
        // Walk forward from the source until the sink or a dead end; each path carries one unit.
        let u = source;
        let depth = 0;
        while (u !== sink) {
          let advanced = false;
          for (; iter[u]! < start[u + 1]!; iter[u]!++) {
            const e = adj[iter[u]!]!;
            const v = to[e]!;
            if (cap[e]! > 0 && level[v] === level[u]! + 1 && reduced(e) === 0) {
              pathEdges[depth++] = e;
              u = v;
              advanced = true;
              break;
            }
          }
          if (advanced) continue;
          if (u === source) break;
          // Dead end: never come back here in this round; retreat one step.
          level[u] = -1;
          const back = pathEdges[--depth]!;
          u = from[back]!;
          iter[u]!++;
        }
        if (u !== sink) break;
        for (let k = 0; k < depth; k++) {
          const e = pathEdges[k]!;
          cap[e]!--;
          cap[e ^ 1]!++;
        }
      }
    }
  }

  const proposals: Proposal[] = [];
  for (let k = 0; k < edges.length; k++) {
    if (cap[firstPair + 2 * k] === 0) proposals.push({ orderId: edges[k]!.orderId, applicantId: edges[k]!.applicantId, score: edges[k]!.score });
  }
  return proposals;
}

/** A binary heap of (distance, node) with ties to the lower node, so results never depend on insertion order. */
class MinHeap {
  private d: Float64Array;
  private n: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.d = new Float64Array(Math.max(16, capacity));
    this.n = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(dist: number, node: number): void {
    if (this.size === this.d.length) {
      const d = new Float64Array(this.size * 2);
      const n = new Int32Array(this.size * 2);
      d.set(this.d);
      n.set(this.n);
      this.d = d;
      this.n = n;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.d[p]! < dist || (this.d[p] === dist && this.n[p]! <= node)) break;
      this.d[i] = this.d[p]!;
      this.n[i] = this.n[p]!;
      i = p;
    }
    this.d[i] = dist;
    this.n[i] = node;
  }

  /** Removes the nearest node and returns it. */
  pop(): number {
    const top = this.n[0]!;
    const lastD = this.d[--this.size]!;
    const lastN = this.n[this.size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && (this.d[r]! < this.d[l]! || (this.d[r] === this.d[l] && this.n[r]! < this.n[l]!)) ? r : l;
      if (this.d[c]! > lastD || (this.d[c] === lastD && this.n[c]! >= lastN)) break;
      this.d[i] = this.d[c]!;
      this.n[i] = this.n[c]!;
      i = c;
    }
    this.d[i] = lastD;
    this.n[i] = lastN;
    return top;
  }
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
