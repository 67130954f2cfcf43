/**
 * Optimal assignment of applicants to competing job orders: each applicant to at most one order, each order at
 * most its number of slots; first as many proposals as possible, then the largest total score. It is a
 * min-cost max-flow on source → order (capacity = slots) → applicant (−score) → sink (capacity 1), solved by the
 * primal-dual method: Dijkstra on reduced costs, then a blocking flow along every shortest path at once, so the
 * number of rounds is bounded by the number of distinct path costs, not by the number of proposals. Orders that
 * share no candidate are solved apart (connected components).
 * Plain TypeScript, deterministic: inputs are sorted; ties go to the lower order id, then applicant id.
 *
 * Two faces of one solver: `assignOptimally` on objects, and `assignIndexed` on flat arrays (ids once each, pairs
 * as indices), which is what a full run builds as it reads and hands to the assignment thread: a million-pair
 * graph as a few typed arrays copies in milliseconds, where as objects it took seconds to clone.
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

/** Candidate pairs in flat arrays: pair k is order `orderIds[edgeOrder[k]]`, applicant `applicantIds[edgeApplicant[k]]`. */
export interface IndexedCandidates {
  orderIds: readonly string[];
  /** The slots of each order, by its index in `orderIds`. */
  slots: Int32Array;
  applicantIds: readonly string[];
  /** Pairs in use: the arrays below may be longer (room to grow). */
  edgeCount: number;
  edgeOrder: Int32Array;
  edgeApplicant: Int32Array;
  /** 0 to 100, one decimal. */
  edgeScore: Float64Array;
}

export function assignOptimally(orders: readonly OrderSlots[], edges: readonly CandidateEdge[]): Proposal[] {
  const slotsOf = new Map<string, number>();
  for (const o of orders) slotsOf.set(o.orderId, o.slots);
  const orderIndex = new Map<string, number>();
  const applicantIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, id: string) => {
    let i = map.get(id);
    if (i === undefined) map.set(id, (i = map.size));
    return i;
  };
  const n = edges.length;
  const [edgeOrder, edgeApplicant, edgeScore] = [new Int32Array(n), new Int32Array(n), new Float64Array(n)];
  edges.forEach((e, k) => {
    edgeOrder[k] = indexOf(orderIndex, e.orderId);
    edgeApplicant[k] = indexOf(applicantIndex, e.applicantId);
    edgeScore[k] = e.score;
  });
  const orderIds = [...orderIndex.keys()];
  const slots = Int32Array.from(orderIds, (id) => Math.max(0, slotsOf.get(id) ?? 0));
  const chosen = assignIndexed({ orderIds, slots, applicantIds: [...applicantIndex.keys()], edgeCount: n, edgeOrder, edgeApplicant, edgeScore });
  return Array.from(chosen, (k) => ({ orderId: edges[k]!.orderId, applicantId: edges[k]!.applicantId, score: edges[k]!.score }));
}

/** The rank of each id in string order (ids are distinct). */
function ranks(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const rank = new Int32Array(ids.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/**
 * The optimal assignment over indexed pairs: the indices of the chosen pairs, in order id then applicant id
 * order. Orders without slots take nobody.
 */
export function assignIndexed(c: IndexedCandidates): Int32Array {
  const orderRank = ranks(c.orderIds);
  const applicantRank = ranks(c.applicantIds);
  const { edgeOrder: eo, edgeApplicant: ea } = c;
  const byIds = (x: number, y: number) => orderRank[eo[x]!]! - orderRank[eo[y]!]! || applicantRank[ea[x]!]! - applicantRank[ea[y]!]!;
  const usable: number[] = [];
  for (let k = 0; k < c.edgeCount; k++) if (c.slots[eo[k]!]! > 0) usable.push(k);
  usable.sort(byIds);
  const chosen: number[] = [];
  for (const component of components(usable, c, orderRank)) chosen.push(...solve(component, c, applicantRank));
  return Int32Array.from(chosen.sort(byIds));
}

/** Groups pairs into connected components of the order–applicant graph (union–find on orders, the lowest id the root). */
function components(edges: readonly number[], c: IndexedCandidates, orderRank: Int32Array): number[][] {
  const parent = new Int32Array(c.orderIds.length).fill(-1);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const firstOrderOf = new Int32Array(c.applicantIds.length).fill(-1);
  for (const k of edges) {
    const o = c.edgeOrder[k]!;
    if (parent[o] === -1) parent[o] = o;
    const seen = firstOrderOf[c.edgeApplicant[k]!]!;
    if (seen === -1) firstOrderOf[c.edgeApplicant[k]!] = o;
    else {
      const [a, b] = [find(seen), find(o)];
      if (a !== b) {
        const [low, high] = orderRank[a]! < orderRank[b]! ? [a, b] : [b, a];
        parent[high] = low;
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const k of edges) {
    const root = find(c.edgeOrder[k]!);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(k);
  }
  return [...groups.keys()].sort((a, b) => orderRank[a]! - orderRank[b]!).map((k) => groups.get(k)!);
}

/** One component, its pairs in id order; returns the chosen pairs. */
function solve(edges: readonly number[], c: IndexedCandidates, applicantRank: Int32Array): number[] {
  // Orders in order of appearance (pairs are sorted by order id), applicants sorted by id; nodes numbered so.
  const orderNode = new Map<number, number>();
  for (const k of edges) if (!orderNode.has(c.edgeOrder[k]!)) orderNode.set(c.edgeOrder[k]!, 1 + orderNode.size);
  const applicants = [...new Set(edges.map((k) => c.edgeApplicant[k]!))].sort((a, b) => applicantRank[a]! - applicantRank[b]!);
  const applicantNode = new Map(applicants.map((a, i) => [a, 1 + orderNode.size + i]));
  const source = 0;
  const sink = 1 + orderNode.size + applicants.length;
  const nodes = sink + 1;
  const edgeCount = 2 * (orderNode.size + edges.length + applicants.length);

  // Edges in flat typed arrays; the residual twin of edge e is e ^ 1. Adjacency in CSR form, in insertion order.
  const to = new Int32Array(edgeCount);
  const from = new Int32Array(edgeCount);
  const cap = new Int32Array(edgeCount);
  const cost = new Float64Array(edgeCount);
  let m = 0;
  const add = (u: number, v: number, capacity: number, cst: number) => {
    to[m] = v;
    from[m] = u;
    cap[m] = capacity;
    cost[m] = cst;
    to[m + 1] = u;
    from[m + 1] = v;
    cost[m + 1] = -cst;
    m += 2;
    return m - 2;
  };
  for (const [order, node] of orderNode) add(source, node, c.slots[order]!, 0);
  const firstPair = m;
  // Costs in tenths of a point, negated: the cheapest flow is the best-scoring one.
  for (const k of edges) add(orderNode.get(c.edgeOrder[k]!)!, applicantNode.get(c.edgeApplicant[k]!)!, 1, -Math.round(c.edgeScore[k]! * 10));
  for (const a of applicants) add(applicantNode.get(a)!, sink, 1, 0);

  const start = new Int32Array(nodes + 1);
  for (let e = 0; e < m; e++) start[from[e]! + 1]!++;
  for (let v = 0; v < nodes; v++) start[v + 1]! += start[v]!;
  const adj = new Int32Array(m);
  const fill = start.slice(0, nodes);
  for (let e = 0; e < m; e++) adj[fill[from[e]!]!++] = e;

  // Potentials that make every initial reduced cost non-negative (the network is a DAG: one pass).
  const potential = new Float64Array(nodes);
  for (let e = firstPair; e < firstPair + 2 * edges.length; e += 2) potential[to[e]!] = Math.min(potential[to[e]!]!, cost[e]!);
  for (const a of applicants) potential[sink] = Math.min(potential[sink]!, potential[applicantNode.get(a)!]!);
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

  const chosen: number[] = [];
  edges.forEach((k, i) => {
    if (cap[firstPair + 2 * i] === 0) chosen.push(k);
  });
  return chosen;
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
