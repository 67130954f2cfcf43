import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@puente/database';
import { JobOrderEntity } from '@puente/domain/job-orders';
import { MATCHING_POLICY_V1, orderFacts, retrieveCandidates, scoreCandidate, shortlistSize, applicantFacts } from '@puente/domain/matching';

/** Times one order's shortlist (retrieval through the indexes plus the exact score) for 200 orders; prints JSON. */
async function main(): Promise<void> {
  const ds = await new DataSource({ ...databaseOptions(process.env.DATABASE_URL!, 1), entities: [JobOrderEntity] }).initialize();
  try {
    const orders = (await ds.manager.find(JobOrderEntity, { where: { status: 'OPEN' }, order: { reference: 'ASC' } })).slice(0, 200);
    const policy = MATCHING_POLICY_V1;
    const times: number[] = [];
    let rows = 0;
    for (const pass of [0, 1]) {
      for (const order of orders) {
        const facts = orderFacts(order);
        const started = process.hrtime.bigint();
        const found = await retrieveCandidates(ds, facts, policy, [], Math.max(50, 3 * shortlistSize(order.positions, 0, policy)));
        for (const r of found) scoreCandidate(applicantFacts(r), facts, policy);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (pass === 1) {
          times.push(ms);
          rows += found.length;
        }
      }
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
    process.stdout.write(`${JSON.stringify({ orders: times.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1), meanRows: Math.round(rows / times.length) })}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`shortlist-latency: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
