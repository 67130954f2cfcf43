import type { INestApplicationContext } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, todayIso } from '@puente/common';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { bootTestModule, queueOf } from './test-module';
import { TestFactories } from './factories';

/** The factories make what the services make: valid rows, unique per call, and real jobs on the run's queues. */
describe('test factories', () => {
  let app: INestApplicationContext;
  let make: TestFactories;

  beforeAll(async () => {
    app = await bootTestModule();
    make = new TestFactories(app);
  });
  afterAll(() => app.close());

  it('registers and verifies applicants, unique per call, with the defaults overridden', async () => {
    const [a, b] = await make.applicants(2, { yearsExperience: 5 });
    expect([a!.status, b!.status]).toEqual(['AVAILABLE', 'AVAILABLE']);
    expect(a!.nationalIdHash).not.toBe(b!.nationalIdHash);
    expect(a!.yearsExperience).toBe(5);
    expect((await make.applicant({ passportNumber: null, passportExpiry: null })).status).toBe('VERIFIED');
    expect((await make.applicant({}, { verified: false })).status).toBe('REGISTERED');
  });

  it('opens an order through its stages, queues its matching run on the real queue, and fills it', async () => {
    const owner = await make.employer();
    expect(owner.employer.status).toBe('VERIFIED');
    expect((await make.jobOrder(owner, {}, 'DRAFT')).status).toBe('DRAFT');
    expect((await make.jobOrder(owner, {}, 'SUBMITTED')).status).toBe('SUBMITTED');
    const open = await make.jobOrder(owner, { positions: 2 });
    expect(open.status).toBe('OPEN');
    const [queued] = await app.get(DataSource).query(`SELECT id FROM matching_run WHERE $1 = ANY(job_order_ids)`, [open.id]);
    expect(await queueOf(app, JOB_QUEUE[JobName.RunMatching]).getJob(jobId(JobName.RunMatching, queued.id))).toBeDefined();
    expect((await make.matchingRun([open.id])).status).toBe('SUCCEEDED');

    // A territory no other test sends workers to: seating fills free seats of any contingent of the same region and
    // date first, so another test's contingent there would take these travellers (none created).
    const { order, applicants } = await make.filledJobOrder(owner, 3, { workRegionCode: 'CA-NU', workCity: 'Iqaluit', startDate: addDays(todayIso(), 400 + randomInt(300)) });
    expect(order.status).toBe('FILLED');
    expect(await make.contingents(order.id)).toEqual({ contingentsCreated: 1, travellersSeated: 3 });
    expect(applicants).toHaveLength(3);
  }, 60_000);
});
