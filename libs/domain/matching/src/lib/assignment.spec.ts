import { seededRandom as rng } from '@puente/common';
import { assignGreedily, assignOptimally, CandidateEdge, OrderSlots, Proposal } from './assignment';

const total = (ps: Proposal[]) => Math.round(ps.reduce((s, p) => s + p.score * 10, 0));


/** Every way to give each applicant one of its orders or none, within the slots: (count, score) of the best. */
function bruteForce(orders: OrderSlots[], edges: CandidateEdge[]): { count: number; score: number } {
  const applicants = [...new Set(edges.map((e) => e.applicantId))];
  let best = { count: 0, score: 0 };
  const used = new Map(orders.map((o) => [o.orderId, 0]));
  const walk = (i: number, count: number, score: number) => {
    if (i === applicants.length) {
      if (count > best.count || (count === best.count && score > best.score)) best = { count, score };
      return;
    }
    walk(i + 1, count, score);
    for (const e of edges.filter((x) => x.applicantId === applicants[i])) {
      const slots = orders.find((o) => o.orderId === e.orderId)!.slots;
      if (used.get(e.orderId)! < slots) {
        used.set(e.orderId, used.get(e.orderId)! + 1);
        walk(i + 1, count + 1, score + Math.round(e.score * 10));
        used.set(e.orderId, used.get(e.orderId)! - 1);
      }
    }
  };
  walk(0, 0, 0);
  return best;
}

function validate(orders: OrderSlots[], edges: CandidateEdge[], result: Proposal[]) {
  const perApplicant = new Map<string, number>();
  const perOrder = new Map<string, number>();
  const offered = new Set(edges.map((e) => `${e.orderId}|${e.applicantId}|${e.score}`));
  for (const p of result) {
    expect(offered.has(`${p.orderId}|${p.applicantId}|${p.score}`)).toBe(true);
    perApplicant.set(p.applicantId, (perApplicant.get(p.applicantId) ?? 0) + 1);
    perOrder.set(p.orderId, (perOrder.get(p.orderId) ?? 0) + 1);
  }
  for (const n of perApplicant.values()) expect(n).toBe(1);
  for (const o of orders) expect(perOrder.get(o.orderId) ?? 0).toBeLessThanOrEqual(o.slots);
}

describe('assignOptimally', () => {
  it('beats first-come greedy where two orders want the same best applicant', () => {
    // Order A comes first and would take X (90), leaving B with Y (10). Giving A Y (85) and B X (80) is better.
    const orders = [{ orderId: 'A', slots: 1 }, { orderId: 'B', slots: 1 }];
    const edges = [
      { orderId: 'A', applicantId: 'X', score: 90 },
      { orderId: 'B', applicantId: 'X', score: 80 },
      { orderId: 'A', applicantId: 'Y', score: 85 },
      { orderId: 'B', applicantId: 'Y', score: 10 },
    ];
    expect(total(assignGreedily(orders, edges))).toBe(1000);
    const optimal = assignOptimally(orders, edges);
    expect(optimal).toEqual([
      { orderId: 'A', applicantId: 'Y', score: 85 },
      { orderId: 'B', applicantId: 'X', score: 80 },
    ]);
    expect(total(optimal)).toBe(1650);
  });

  it('fills every slot it can before it looks at scores', () => {
    // Giving X to A (99) would leave B empty: the shortlist of B matters more than a few points.
    const orders = [{ orderId: 'A', slots: 1 }, { orderId: 'B', slots: 1 }];
    const edges = [
      { orderId: 'A', applicantId: 'X', score: 99 },
      { orderId: 'B', applicantId: 'X', score: 1 },
      { orderId: 'A', applicantId: 'Y', score: 1 },
    ];
    expect(assignOptimally(orders, edges)).toHaveLength(2);
  });

  it('matches brute force on 300 small random instances', () => {
    const random = rng(42);
    for (let round = 0; round < 300; round++) {
      const orders = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => ({ orderId: `o${i}`, slots: Math.floor(random() * 3) }));
      const edges: CandidateEdge[] = [];
      const applicants = 1 + Math.floor(random() * 6);
      for (let a = 0; a < applicants; a++) {
        for (const o of orders) {
          // Few distinct scores, so ties are common and tie-breaking is exercised too.
          if (random() < 0.6) edges.push({ orderId: o.orderId, applicantId: `a${a}`, score: Math.round(random() * 5) * 20 + 0.5 });
        }
      }
      const result = assignOptimally(orders, edges);
      validate(orders, edges, result);
      const best = bruteForce(orders, edges);
      expect({ round, count: result.length, score: total(result) }).toEqual({ round, count: best.count, score: best.score });
    }
  });

  it('gives the same result whatever the order of its inputs', () => {
    const random = rng(7);
    const orders = Array.from({ length: 5 }, (_, i) => ({ orderId: `o${i}`, slots: 2 }));
    const edges: CandidateEdge[] = [];
    for (let a = 0; a < 20; a++) for (const o of orders) if (random() < 0.5) edges.push({ orderId: o.orderId, applicantId: `a${a}`, score: 50 });
    const forward = assignOptimally(orders, edges);
    const backward = assignOptimally([...orders].reverse(), [...edges].reverse());
    expect(backward).toEqual(forward);
  });

  it('handles nothing to assign', () => {
    expect(assignOptimally([], [])).toEqual([]);
    expect(assignOptimally([{ orderId: 'A', slots: 0 }], [{ orderId: 'A', applicantId: 'X', score: 10 }])).toEqual([]);
    expect(assignOptimally([{ orderId: 'A', slots: 3 }], [{ orderId: 'B', applicantId: 'X', score: 10 }])).toEqual([]);
  });

  it('assigns a few thousand candidates across a hundred orders', () => {
    const random = rng(3);
    const orders = Array.from({ length: 100 }, (_, i) => ({ orderId: `o${String(i).padStart(3, '0')}`, slots: 30 }));
    const edges: CandidateEdge[] = [];
    for (const o of orders) for (let k = 0; k < 150; k++) edges.push({ orderId: o.orderId, applicantId: `a${Math.floor(random() * 5000)}`, score: Math.round(random() * 1000) / 10 });
    const unique = [...new Map(edges.map((e) => [`${e.orderId}|${e.applicantId}`, e])).values()];
    const result = assignOptimally(orders, unique);
    validate(orders, unique, result);
    expect(result.length).toBeGreaterThan(2500);

  });
});
