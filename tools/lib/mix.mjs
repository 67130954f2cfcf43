// The realistic mix of requests the benchmarks send (bench:api measures it alone, bench:scale through a balancer
// while processes are killed): what the portal and the app send in peak season.

// The mix's queries, as the portal and the app send them.
const DASHBOARD_ORDERS = `query DashboardOrders($after: String) { jobOrderCounts { status count } jobOrders(first: 100, after: $after) { edges { node {
  id reference title status statusReason positions startDate endDate latestMatchingRun { id status candidatesCount } } } pageInfo { hasNextPage endCursor } } }`;
const DASHBOARD_PLACEMENTS = `query DashboardPlacements { myPlacements(first: 100) { edges { node { placementId evaluationState evaluationClosesOn } } } }`;
const SHORTLIST = `query PortalShortlist($id: ID!) { jobOrder(id: $id) { id reference title status positions positionsLeft startDate latestMatchingRun { id status }
  candidates(first: 50) { edges { node { rank score status named applicant { reference age gender yearsExperience skills municipality { name } languages { code level } }
  breakdown { factor points maxPoints explanation code params } } } pageInfo { hasNextPage endCursor } } } }`;
const MY_STATUS = `{ myStatus { stage } }`;

/** A GraphQL POST as autocannon sends it, signed in with `token`. */
export const asRequest = (token, query, variables = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query, variables }),
});

/** Signs in a demo user (the seed's password) through `post`; returns the access token. */
export async function signIn(post, identifier, password) {
  const r = await post({ query: `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, variables: { i: { identifier, password } } });
  if (r.errors) throw new Error(`sign-in of a demo user failed: ${r.errors[0].message}`);
  return r.data.login.accessToken;
}

/**
 * What the portal and the app send in peak season, in turns: the employer's dashboard (its two queries), the
 * employer reading a shortlist with every candidate's breakdown, a worker's myStatus, the coordinator's list, and
 * the employer correcting a draft order (a mutation: a transaction, an audit line). The shortlist needs a matching
 * run, which a worker carries out: `withWorker(fn)` runs `fn` while one runs (bench:api starts one and stops it
 * after, so the measured api has the machine to itself; bench:scale's workers are running anyway).
 * `post(body, token)` sends one request and returns its parsed answer.
 */
export async function realisticMix(post, demo, coordinatorToken, { withWorker, log }) {
  const employer = await signIn(post, demo.employer, demo.password);
  const applicant = await signIn(post, demo.applicant, demo.password);
  const ok = async (body, token) => {
    const r = await post(body, token);
    if (r.errors) throw new Error(`${body.query.slice(0, 60)}: ${r.errors[0].message}`);
    return r.data;
  };
  // The employer's open order with the most positions: its shortlist, after one matching run.
  const orders = (await ok({ query: `{ jobOrders(first: 100) { edges { node { id status positions } } } }` }, employer)).jobOrders.edges.map((e) => e.node);
  const open = orders.filter((o) => o.status === 'OPEN').sort((a, b) => b.positions - a.positions)[0];
  if (!open) throw new Error('the demo employer has no open order to shortlist');
  await withWorker(async () => {
    const run = (await ok({ query: `mutation($ids: [ID!]!) { runMatching(jobOrderIds: $ids) { id } }`, variables: { ids: [open.id] } }, coordinatorToken)).runMatching;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const status = (await ok({ query: `query($id: ID!) { matchingRun(id: $id) { status } }`, variables: { id: run.id } }, coordinatorToken)).matchingRun.status;
      if (status === 'SUCCEEDED') break;
      if (status === 'FAILED' || Date.now() > deadline) throw new Error(`the matching run for the shortlist ended ${status}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  // A draft the employer corrects again and again.
  const { title } = (await ok({ query: `query($id: ID!) { jobOrder(id: $id) { title } }`, variables: { id: open.id } }, employer)).jobOrder;
  const created = await ok({ query: `mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }`, variables: { i: await draftOf(ok, employer, open.id, title) } }, employer);
  const draft = created.createJobOrder.id;

  const requests = [
    asRequest(employer, DASHBOARD_ORDERS),
    asRequest(employer, DASHBOARD_PLACEMENTS),
    asRequest(employer, SHORTLIST, { id: open.id }),
    asRequest(applicant, MY_STATUS),
    asRequest(coordinatorToken, `{ jobOrders(first: 20) { edges { node { id reference title status employer { legalName } } } } }`),
    asRequest(employer, `mutation($i: UpdateJobOrderInput!) { updateJobOrder(input: $i) { id } }`, { i: { jobOrderId: draft, hoursPerWeek: 40 } }),
  ];
  // Each kind once, checked for errors before and after the run (autocannon counts only HTTP failures).
  const errorsSeen = async () => {
    for (const r of requests) {
      const answer = await post(JSON.parse(r.body), r.headers.authorization.slice(7));
      if (answer.errors) return `${JSON.parse(r.body).query.slice(0, 50)}: ${answer.errors[0].message}`;
    }
    return null;
  };
  const before = await errorsSeen();
  if (before) throw new Error(`a request of the mix fails: ${before}`);
  // Each kind alone, one at a time: what a request of it costs with the api idle.
  for (const r of requests) {
    const started = performance.now();
    for (let i = 0; i < 5; i++) await post(JSON.parse(r.body), r.headers.authorization.slice(7));
    log(`  ${JSON.parse(r.body).query.replace(/\s+/g, ' ').slice(0, 40)}…: ${((performance.now() - started) / 5).toFixed(1)} ms alone`);
  }
  return { requests, errorsSeen, what: 'dashboard ×2, shortlist with breakdowns, myStatus, coordinator list, updateJobOrder' };
}

/** A new draft order like an existing one of the employer's: the input createJobOrder takes. */
async function draftOf(ok, token, orderId, title) {
  const o = (
    await ok(
      {
        query: `query($id: ID!) { jobOrder(id: $id) { iscoCode destinationOccupationCode positions hourlyWage hoursPerWeek startDate durationWeeks workCity workRegion { code } housingProvided housingDescription languages { code level } minExperienceYears requiredSkills preferredSkills employerPaysRecruitment employerPaysTravel } }`,
        variables: { id: orderId },
      },
      token,
    )
  ).jobOrder;
  const { workRegion, ...rest } = o;
  return { ...rest, title: `${title} (draft)`, workRegionCode: workRegion.code };
}
