import { seededRandom } from '@puente/common';
import { assignIndexed, assignOptimally, type CandidateEdge } from './assignment';
import { AssignmentThread } from './assignment-thread';
import { CandidateGraph } from './candidate-graph';

/** Orders competing for overlapping applicants, with random slots and scores. */
function randomGraph(seed: number, orders: number, applicants: number, pairs: number) {
  const random = seededRandom(seed);
  const slots = Array.from({ length: orders }, (_, i) => ({ orderId: `order-${String(i).padStart(3, '0')}`, slots: 1 + Math.floor(random() * 8) }));
  const edges: CandidateEdge[] = [];
  for (let k = 0; k < pairs; k++) {
    edges.push({
      orderId: slots[Math.floor(random() * orders)]!.orderId,
      applicantId: `applicant-${String(Math.floor(random() * applicants)).padStart(5, '0')}`,
      score: Math.round(random() * 1000) / 10,
    });
  }
  return { slots, edges };
}

/** The graph a run builds as it reads these pairs. */
function graphOf(slots: ReturnType<typeof randomGraph>['slots'], edges: readonly CandidateEdge[]): CandidateGraph {
  const graph = new CandidateGraph(slots);
  for (const e of edges) graph.add(e.orderId, e.applicantId, e.score);
  return graph;
}

describe('AssignmentThread', () => {
  // The thread is a real one: it loads its TypeScript entry through @swc-node/register, as under the apps.
  jest.setTimeout(30_000);

  it('solves on its thread what assignOptimally solves, from the graph built as a run reads', async () => {
    const { slots, edges } = randomGraph(7, 20, 300, 2000);
    const graph = graphOf(slots, edges);
    const thread = new AssignmentThread();
    try {
      const first = graph.proposals(await thread.assign(graph.indexed()));
      expect(first).toEqual(assignOptimally(slots, edges));
      // Several rounds on one thread, each on the graph so far.
      const more = randomGraph(8, 20, 400, 500).edges;
      for (const e of more) graph.add(e.orderId, e.applicantId, e.score);
      expect(graph.proposals(await thread.assign(graph.indexed()))).toEqual(assignOptimally(slots, [...edges, ...more]));
    } finally {
      await thread.close();
    }
  });

  it('gives the same pairs as assignIndexed in this thread', async () => {
    const { slots, edges } = randomGraph(11, 5, 50, 200);
    const graph = graphOf(slots, edges);
    const thread = new AssignmentThread();
    try {
      expect(Array.from(await thread.assign(graph.indexed()))).toEqual(Array.from(assignIndexed(graph.indexed())));
    } finally {
      await thread.close();
    }
  });

  it('fails the call, not the process, when the thread dies mid-assignment (the run attempt fails and is retried)', async () => {
    const { slots, edges } = randomGraph(3, 200, 20_000, 200_000);
    const graph = graphOf(slots, edges);
    const thread = new AssignmentThread();
    const call = thread.assign(graph.indexed());
    await new Promise((r) => setTimeout(r, 200));
    await thread.close();
    await expect(call).rejects.toThrow(/assignment thread/);
    await expect(thread.assign(graph.indexed())).rejects.toThrow(/assignment thread/);
  });
});
