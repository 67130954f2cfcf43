import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import { PublicEmployerService } from '@puente/domain/employers';
import { JobOrderFeedService, PublicJobOrderService } from '@puente/domain/job-orders';
import { codesOf, startApi, TestApi } from '../support/api';
import { approvedJobOrder, employerInput, futureDate, login, newCoordinator, newJobOrder } from '../support/people';

const ORDERS = `query($f: PublicJobOrderFilterInput, $first: Int, $after: String) {
  publicJobOrders(filter: $f, first: $first, after: $after) {
    edges { cursor node { reference title occupation { iscoCode title } country workRegion { code name } workCity hourlyWage currency
      hoursPerWeek startDate endDate durationWeeks positions housingProvided housingDescription employerPaysRecruitment employerPaysTravel
      approvedOn employer { legalName tradeName program programReference verifiedOn } } }
    pageInfo { hasNextPage endCursor } } }`;
const EMPLOYERS = `query($f: VerifiedEmployerFilterInput, $first: Int, $after: String) {
  verifiedEmployers(filter: $f, first: $first, after: $after) {
    edges { node { legalName tradeName country region { code name } city sector program programReference verifiedOn } }
    pageInfo { hasNextPage endCursor } } }`;

type PublicOrder = { reference: string; title: string; employer: { legalName: string; programReference: string }; [field: string]: unknown };
type OrderPage = { edges: { node: PublicOrder }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type VerifiedEmployer = { legalName: string; tradeName: string | null; programReference: string; verifiedOn: string; [field: string]: unknown };

/**
 * Words that name a person or their data. A field or key is split into its words (camelCase, snake_case) and fails
 * when these words appear in it in a row: `approvedBy` (by), `contactEmail` (contact, email), `national_id`.
 */
const PERSONAL = [
  'email', 'e mail', 'mail', 'phone', 'contact', 'person', 'personal', 'people', 'user', 'applicant', 'worker', 'candidate', 'traveller',
  'national id', 'dui', 'passport', 'birth', 'address', 'gender', 'sex', 'age', 'nationality', 'family', 'first name', 'last name',
  'surname', 'password', 'token', 'ip', 'reason', 'note', 'comment', 'statement', 'by', 'id',
].map((term) => term.split(' '));

const wordsOf = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());

function personalTerm(name: string, allowed: readonly string[] = []): string | null {
  const words = wordsOf(name);
  for (const term of PERSONAL) {
    if (allowed.includes(term.join(' '))) continue;
    for (let i = 0; i + term.length <= words.length; i++) {
      if (term.every((t, j) => words[i + j] === t)) return term.join(' ');
    }
  }
  return null;
}

// Three wrappers deep ([X!]! is NON_NULL, LIST, NON_NULL, X): as deep as the api's depth limit allows here.
const TYPE_REF = `fragment T on __Type { name kind ofType { name kind ofType { name kind ofType { name kind } } } }`;
const TYPE = `query($name: String!) { __type(name: $name) { name kind
  fields { name type { ...T } args { name type { ...T } } } inputFields { name type { ...T } } enumValues { name } } } ${TYPE_REF}`;

interface TypeRef {
  name: string | null;
  ofType?: TypeRef | null;
}
interface IntrospectedType {
  name: string;
  kind: string;
  fields: { name: string; type: TypeRef; args: { name: string; type: TypeRef }[] }[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}
const namedOf = (ref: TypeRef): string => ref.name ?? namedOf(ref.ofType!);

/** Every named type reachable from a root field of Query (its type and arguments, their fields, …), type by type over introspection. */
async function reachableTypes(api: TestApi, rootField: string): Promise<Map<string, IntrospectedType>> {
  const typeNamed = async (name: string): Promise<IntrospectedType> => {
    const r = await api.gql<{ __type: IntrospectedType }>(TYPE, { name });
    expect(r.errors).toEqual([]);
    return r.data!.__type;
  };
  const root = (await typeNamed('Query')).fields!.find((f) => f.name === rootField)!;
  const seen = new Map<string, IntrospectedType>();
  const queue = [namedOf(root.type), ...root.args.map((a) => namedOf(a.type))];
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    const type = await typeNamed(name);
    seen.set(name, type);
    for (const f of type.fields ?? []) queue.push(namedOf(f.type), ...f.args.map((a) => namedOf(a.type)));
    for (const f of type.inputFields ?? []) queue.push(namedOf(f.type));
  }
  return seen;
}

/** Every key of a JSON document, at any depth, with its path. */
function keysOf(value: unknown, path = '$'): { key: string; path: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [{ key: k, path: `${path}.${k}` }, ...keysOf(v, `${path}.${k}`)]);
  return [];
}

/**
 * The transparency of issue 15 as the public meets it, without signing in: the open job orders and the verified
 * employers over GraphQL, and the orders' RSS and JSON feeds. What is not open (a draft, a rejected or cancelled
 * order, the order of a suspended employer) and who is not verified (pending, suspended) never shows; nothing in the
 * types or the feed names a person; answers are kept a short while (TTL_SECONDS here) and limited per address.
 */
describe('public transparency', () => {
  /** How long the api keeps public answers in this suite: long enough to approve an order within it. */
  const TTL_SECONDS = 5;
  jest.setTimeout(120_000);
  let api: TestApi;
  let coordinator: string;
  const tag = randomBytes(4).toString('hex');
  const contact = { contactName: `Marie-Ève Contact ${tag}`, contactEmail: `rh-public-${tag}@ferme.example`, contactPhone: `+1418555${String(randomInt(1000, 9999))}` };
  let verified: { id: string; token: string; legalName: string; programReference: string };
  let openRef: string;
  const hidden: Record<string, string> = {};

  const ok = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const r = await api.gql(query, variables, token);
    expect(r.errors).toEqual([]);
    return r.data!;
  };
  const referenceOf = async (id: string) => (await ok(`query($id: ID!) { jobOrder(id: $id) { reference } }`, { id }, coordinator)).jobOrder.reference as string;
  const clearCaches = () => {
    api.app.get(PublicJobOrderService).clearCache();
    api.app.get(PublicEmployerService).clearCache();
    api.app.get(JobOrderFeedService).clearCache();
  };
  /** Every open order the public sees with this filter, page by page. */
  const publicOrders = async (filter: Record<string, unknown> = {}): Promise<PublicOrder[]> => {
    const all: PublicOrder[] = [];
    let after: string | null = null;
    do {
      const page = (await ok(ORDERS, { f: filter, first: 100, after })).publicJobOrders as OrderPage;
      all.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return all;
  };
  const publicEmployers = async (name: string): Promise<VerifiedEmployer[]> =>
    (await ok(EMPLOYERS, { f: { name }, first: 100 })).verifiedEmployers.edges.map((e: { node: VerifiedEmployer }) => e.node);

  /** Signs an employer up with the given names and this file's contact person; verified unless told otherwise. */
  const register = async (legalName: string, opts: { verified?: boolean; tradeName?: string } = {}) => {
    const input = employerInput({ legalName, tradeName: opts.tradeName ?? null, ...contact, contactEmail: `${randomBytes(3).toString('hex')}-${contact.contactEmail}` });
    const id = (await ok(`mutation($i: RegisterEmployerInput!) { registerEmployer(input: $i) { id } }`, { i: input })).registerEmployer.id as string;
    if (opts.verified !== false) await ok(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id }, coordinator);
    return { id, token: await login(api, input.contactEmail, input.password), legalName, programReference: input.programReference as string };
  };

  beforeAll(async () => {
    api = await startApi({ PUBLIC_CACHE_TTL_SECONDS: String(TTL_SECONDS) });
    coordinator = (await newCoordinator(api)).token;
    verified = await register(`Ferme Lévesque ${tag} inc.`, { tradeName: `Les Serres ${tag}` });
    openRef = await referenceOf(await approvedJobOrder(api, verified.token, coordinator, { workRegionCode: 'CA-NS', workCity: 'Kentville' }));

    // What must never show: a draft, a rejected order, a cancelled one, and the open order of an employer suspended since.
    hidden.draft = await referenceOf(await newJobOrder(api, verified.token, { workRegionCode: 'CA-NS' }));
    const rejected = await newJobOrder(api, verified.token, { workRegionCode: 'CA-NS' });
    await ok(`mutation($id: ID!) { submitJobOrder(id: $id) { id } }`, { id: rejected }, verified.token);
    await ok(`mutation($i: RejectJobOrderInput!) { rejectJobOrder(input: $i) { id } }`, { i: { id: rejected, reason: 'Wage below the prevailing rate.' } }, coordinator);
    hidden.rejected = await referenceOf(rejected);
    const cancelled = await approvedJobOrder(api, verified.token, coordinator, { workRegionCode: 'CA-NS' });
    await ok(`mutation($i: CancelJobOrderInput!) { cancelJobOrder(input: $i) { id } }`, { i: { jobOrderId: cancelled, reason: 'The season was called off.' } }, verified.token);
    hidden.cancelled = await referenceOf(cancelled);
    const suspended = await register(`Ferme Suspendue ${tag} inc.`);
    hidden.suspendedEmployersOrder = await referenceOf(await approvedJobOrder(api, suspended.token, coordinator, { workRegionCode: 'CA-NS' }));
    await ok(`mutation($i: SuspendEmployerInput!) { suspendEmployer(input: $i) { id } }`, { i: { id: suspended.id, reason: 'Recruitment fees charged to workers.' } }, coordinator);
    await register(`Ferme En Attente ${tag} inc.`, { verified: false });
    clearCaches();
  });
  afterAll(() => api?.close());

  it('answers both queries without a token: the open order with its verified employer, and nothing not open', async () => {
    const orders = await publicOrders({ regionCode: 'CA-NS' });
    const mine = orders.find((o) => o.reference === openRef);
    expect(mine).toMatchObject({
      title: 'Livestock labourer – dairy',
      occupation: { iscoCode: '9212', title: 'Livestock farm labourers' },
      country: 'CA',
      workRegion: { code: 'CA-NS' },
      workCity: 'Kentville',
      currency: 'CAD',
      employerPaysRecruitment: true,
      employerPaysTravel: true,
      employer: { legalName: verified.legalName, tradeName: `Les Serres ${tag}`, program: expect.any(String), programReference: verified.programReference },
    });
    const references = orders.map((o) => o.reference);
    for (const [what, reference] of Object.entries(hidden)) expect({ what, shown: references.includes(reference) }).toEqual({ what, shown: false });
    // Narrowed by occupation and first day too; another region leaves it out.
    expect((await publicOrders({ iscoCode: '9212', country: 'CA', startFrom: futureDate(90) })).map((o) => o.reference)).toContain(openRef);
    expect((await publicOrders({ regionCode: 'CA-QC' })).map((o) => o.reference)).not.toContain(openRef);
    expect((await publicOrders({ regionCode: 'CA-NS', startFrom: futureDate(91) })).map((o) => o.reference)).not.toContain(openRef);
  });

  it('lists a verified employer only, found by any part of its name in any case and without accents', async () => {
    expect((await publicEmployers(`levesque ${tag}`)).map((e) => e.legalName)).toEqual([verified.legalName]);
    expect((await publicEmployers(`FERME LÉVESQUE ${tag}`)).map((e) => e.legalName)).toEqual([verified.legalName]);
    expect((await publicEmployers(`serres ${tag}`)).map((e) => e.legalName)).toEqual([verified.legalName]);
    const [found] = await publicEmployers(`levesque ${tag}`);
    expect(found).toMatchObject({ country: 'CA', programReference: verified.programReference, verifiedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(await publicEmployers(`Suspendue ${tag}`)).toEqual([]);
    expect(await publicEmployers(`En Attente ${tag}`)).toEqual([]);
    // LIKE's own characters are taken literally.
    expect(await publicEmployers(`%${tag}`)).toEqual([]);
  });

  it('refuses a filter it cannot use, naming the field', async () => {
    const region = await api.gql(ORDERS, { f: { regionCode: 'XX-YY' } });
    expect(codesOf(region)).toEqual(['BAD_USER_INPUT']);
    expect(region.errors[0]!.extensions!.fields).toEqual([{ field: 'filter.regionCode', message: expect.stringContaining('not a known') }]);
    expect(region.errors[0]!.message).not.toContain('XX-YY');
    const long = await api.gql(EMPLOYERS, { f: { name: 'x'.repeat(101) } });
    expect(long.errors[0]!.extensions!.fields).toEqual([{ field: 'filter.name', message: 'must be at most 100 characters' }]);
  });

  it('keeps an answer for the cache TTL: a newly approved order shows once it has passed', async () => {
    // A territory no other test posts to, so the list holds this test's orders alone: the test clock restarts at
    // each file's start (the midnight check), so another file's approval times do not compare with this one's.
    const filter = { regionCode: 'CA-NT' };
    const older = await referenceOf(await approvedJobOrder(api, verified.token, coordinator, { workRegionCode: 'CA-NT', workCity: 'Inuvik' }));
    clearCaches();
    const before = (await publicOrders(filter)).map((o) => o.reference);
    expect(before).toEqual([older]);
    const fresh = await referenceOf(await approvedJobOrder(api, verified.token, coordinator, { workRegionCode: 'CA-NT', workCity: 'Hay River' }));
    const cached = (await publicOrders(filter)).map((o) => o.reference);
    expect(cached).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, TTL_SECONDS * 1000 + 100));
    // The most recently approved first.
    expect((await publicOrders(filter)).map((o) => o.reference)).toEqual([fresh, older]);
  });

  describe('feeds', () => {
    const get = (path: string, headers: Record<string, string> = {}) => {
      const req = request(api.app.getHttpServer()).get(path);
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      return req.buffer(true).parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    };
    beforeAll(() => clearCaches());

    it('serves RSS 2.0 without a token, in Spanish, with the open order and not the others, cacheable with an ETag', async () => {
      const res = await get('/feeds/job-orders.rss');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(res.headers['cache-control']).toBe(`public, max-age=${TTL_SECONDS}`);
      expect(res.headers['etag']).toMatch(/^"[\w-]{32}"$/);
      const body = res.body as string;
      expect(body).toContain('<rss version="2.0"');
      expect(body).toContain('<language>es</language>');
      expect(body).toContain(`/feeds/job-orders/${openRef}.json`);
      expect(body).toContain('Usted nunca paga una tarifa');
      for (const reference of Object.values(hidden)) expect(body).not.toContain(reference);
      for (const value of Object.values(contact)) expect(body).not.toContain(value);
      const again = await get('/feeds/job-orders.rss', { 'if-none-match': res.headers['etag'] as string });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      expect((await get('/feeds/job-orders.rss', { 'if-none-match': '"something-else"' })).status).toBe(200);
    });

    it('serves JSON Feed 1.1 in English on ?lang=en, whose keys name no person, and each item links to its order', async () => {
      const res = await get('/feeds/job-orders.json?lang=en');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      const feed = JSON.parse(res.body as string);
      expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'en', feed_url: expect.stringMatching(/\/feeds\/job-orders\.json\?lang=en$/) });
      expect(feed.items.length).toBeLessThanOrEqual(100);
      const item = feed.items.find((i: { _puente: { reference: string } }) => i._puente.reference === openRef);
      expect(item.title).toContain('Livestock labourer – dairy');
      expect(item.content_html).toContain('You never pay a fee to anyone for this job');
      expect(item._puente.employer).toMatchObject({ legal_name: verified.legalName, program_reference: verified.programReference });
      // Newest approval first.
      const dates = feed.items.map((i: { date_published: string }) => i.date_published);
      expect([...dates].sort().reverse()).toEqual(dates);
      // JSON Feed requires each item's id: here the order's public address, not a row id.
      expect(feed.items.every((i: { id: string; url: string }) => i.id === i.url && /\/feeds\/job-orders\/JO-\d{4}-\d+\.json$/.test(i.id))).toBe(true);
      const personal = keysOf(feed).flatMap(({ key, path }) => {
        const term = personalTerm(key, ['id']);
        return term ? [`${path} (${term})`] : [];
      });
      expect(personal).toEqual([]);
      for (const value of Object.values(contact)) expect(res.body).not.toContain(value);

      const url = new URL(item.url);
      const one = await get(`${url.pathname}?lang=en`);
      expect(one.status).toBe(200);
      const single = JSON.parse(one.body as string);
      expect(single.items.map((i: { _puente: { reference: string } }) => i._puente.reference)).toEqual([openRef]);
      expect(single.items[0].content_html).toBe(item.content_html);
    });

    it('answers 404 for an order that is not open, and 400 for a language it does not speak', async () => {
      const cancelled = await get(`/feeds/job-orders/${hidden.cancelled}.json`);
      expect(cancelled.status).toBe(404);
      expect(JSON.parse(cancelled.body as string).code).toBe('NOT_FOUND');
      expect((await get('/feeds/job-orders/not-a-reference')).status).toBe(404);
      const lang = await get('/feeds/job-orders.rss?lang=fr');
      expect(lang.status).toBe(400);
      expect(JSON.parse(lang.body as string)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('lang=en') });
    });
  });

  it('exposes only the expected public types, none with a field that names a person (introspection)', async () => {
    const expected = {
      publicJobOrders: [
        'PublicJobOrderConnection', 'PublicJobOrderModelEdge', 'PublicJobOrder', 'PageInfo', 'Occupation', 'Sector', 'Region', 'Country',
        'VerifiedEmployer', 'Program', 'PublicJobOrderFilterInput', 'String', 'Int', 'Float', 'Boolean', 'LocalDate',
      ],
      verifiedEmployers: [
        'VerifiedEmployerConnection', 'VerifiedEmployerModelEdge', 'VerifiedEmployer', 'PageInfo', 'Region', 'Country', 'Sector', 'Program',
        'VerifiedEmployerFilterInput', 'String', 'Int', 'Boolean', 'LocalDate',
      ],
    };
    for (const [root, names] of Object.entries(expected)) {
      const types = await reachableTypes(api, root);
      expect({ root, types: [...types.keys()].sort() }).toEqual({ root, types: [...names].sort() });
      const personal: string[] = [];
      for (const type of types.values()) {
        const members = [
          ...(type.fields ?? []).flatMap((f) => [f.name, ...f.args.map((a) => a.name)]),
          ...(type.inputFields ?? []).map((f) => f.name),
          ...(type.enumValues ?? []).map((v) => v.name),
        ];
        for (const name of members) {
          const term = personalTerm(name);
          if (term) personal.push(`${type.name}.${name} (${term})`);
        }
      }
      expect({ root, personal }).toEqual({ root, personal: [] });
    }
    // The check itself can fail: the staff types it must never reach name people.
    expect(personalTerm('contactEmail')).toBe('email');
    expect(personalTerm('approvedBy')).toBe('by');
    expect(personalTerm('national_id')).toBe('national id');
    expect(personalTerm('hourlyWage')).toBeNull();
  });

  describe('rate limit', () => {
    let tight: TestApi;
    beforeAll(async () => {
      tight = await startApi({ PUBLIC_READ_THROTTLE_LIMIT: '3', LOGIN_THROTTLE_WINDOW_SECONDS: '60', TRUST_PROXY: 'true' });
    });
    afterAll(() => tight?.close());

    // Each test reads from a made-up address of its own (X-Forwarded-For): the counters are this file's alone.
    const address = () => `203.0.${randomInt(0, 255)}.${randomInt(1, 255)}`;
    const gql = (query: string, from: string) => request(tight.app.getHttpServer()).post('/graphql').set('x-forwarded-for', from).send({ query });
    const feed = (from: string) => request(tight.app.getHttpServer()).get('/feeds/job-orders.json').set('x-forwarded-for', from);

    it('answers 429 with Retry-After past the limit, on GraphQL and the feeds alike (one counter per address)', async () => {
      const from = address();
      expect((await gql('{ publicJobOrders(first: 1) { edges { cursor } } }', from)).body.errors).toBeUndefined();
      expect((await gql('{ verifiedEmployers(first: 1) { edges { cursor } } }', from)).body.errors).toBeUndefined();
      expect((await feed(from)).status).toBe(200);
      const refused = await feed(from);
      expect(refused.status).toBe(429);
      const seconds = Number(refused.headers['retry-after']);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(refused.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: `Too many requests. Try again in ${seconds} seconds.` });
      const query = await gql('{ publicJobOrders(first: 1) { edges { cursor } } }', from);
      expect(codesOf(query.body)).toEqual(['TOO_MANY_REQUESTS']);
      expect(Number(query.headers['retry-after'])).toBeGreaterThan(0);
      // Another address reads on; and reading used up no sign-in attempt of this one.
      expect((await feed(address())).status).toBe(200);
      const signIn = await request(tight.app.getHttpServer())
        .post('/graphql')
        .set('x-forwarded-for', from)
        .send({ query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', variables: { i: { identifier: `nobody-${tag}@puente.test`, password: 'not-the-password' } } });
      expect(codesOf(signIn.body)).toEqual(['UNAUTHENTICATED']);
    });
  });
});
