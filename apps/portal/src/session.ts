/**
 * The browser's session: the access token lives in this module's memory only (never in storage a script could
 * read later); the refresh token is an httpOnly cookie the api sets and reads when a request carries
 * `X-Puente-Session: cookie`. A reload restores the session by one refresh; an expired session ends here and the
 * router sends the person to sign in, then back to the page they were on.
 */
export const GRAPHQL_PATH = '/graphql';
export const WEB_SESSION_HEADERS = { 'content-type': 'application/json', 'x-puente-session': 'cookie' } as const;

export interface SessionUser {
  id: string;
  role: string;
  identifier: string;
  employerId?: string | null;
  mustChangePassword: boolean;
}

export interface SessionPayload {
  accessToken: string;
  expiresIn: number;
  mfaRequired: boolean;
  user: SessionUser;
}

interface State {
  token: string;
  expiresAt: number;
  user: SessionUser;
}

export type SessionSnapshot = { status: 'unknown' } | { status: 'signed-out'; expired: boolean } | { status: 'signed-in'; user: SessionUser };

const USER_FIELDS = 'user { id role identifier employerId mustChangePassword }';
const REFRESH = `mutation PortalRefresh { refreshToken { accessToken expiresIn mfaRequired ${USER_FIELDS} } }`;
const SIGN_OUT = 'mutation PortalSignOut { signOut }';
/** Refresh this long before the access token expires, so a request never leaves with a token about to lapse. */
const MARGIN_MS = 30_000;

let state: State | null = null;
let snapshot: SessionSnapshot = { status: 'unknown' };
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

export const session = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): SessionSnapshot => snapshot,
  token: (): string | null => state?.token ?? null,

  /** A completed sign-in (login, completeLogin, changePassword). */
  start(payload: SessionPayload): void {
    state = { token: payload.accessToken, expiresAt: Date.now() + payload.expiresIn * 1000, user: payload.user };
    publish({ status: 'signed-in', user: payload.user });
  },

  /** Ends the session in this tab; `expired` tells the sign-in page to say why the person is there. */
  end(expired: boolean): void {
    state = null;
    publish({ status: 'signed-out', expired });
  },

  /** A token good for the next request, refreshed first when about to expire; null when there is no session. */
  async freshToken(): Promise<string | null> {
    if (state && state.expiresAt - Date.now() > MARGIN_MS) return state.token;
    if (!state && snapshot.status === 'signed-out') return null;
    return (await session.refresh()) ? state!.token : null;
  },

  /** One refresh at a time, however many requests ask for it. */
  refresh(): Promise<boolean> {
    refreshing ??= refreshOnce().finally(() => (refreshing = null));
    return refreshing;
  },

  async signOut(): Promise<void> {
    await post(SIGN_OUT).catch(() => undefined);
    session.end(false);
  },
};

/**
 * Refresh tokens are single use: two tabs refreshing with the same cookie at once would look like a stolen token
 * replayed, and the api would end the session everywhere. A lock shared by the tabs of this origin makes them
 * take turns, each sending the cookie the previous one left.
 */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  // Read from globalThis: this module is also loaded by Node in the unit tests, which has no navigator.
  const locks = (globalThis as { navigator?: { locks?: { request(name: string, task: () => Promise<T>): Promise<T> } } }).navigator?.locks;
  return locks ? locks.request('puente.refresh', task) : task();
}

async function refreshOnce(): Promise<boolean> {
  const hadSession = state !== null;
  try {
    const body = await exclusive(() => post(REFRESH));
    const payload = (body.data as { refreshToken?: SessionPayload } | undefined)?.refreshToken;
    if (payload && !payload.mfaRequired) {
      session.start(payload);
      return true;
    }
  } catch {
    // The network failed: treated as signed out; the page shows the sign-in form, which says what failed next.
  }
  session.end(hadSession);
  return false;
}

async function post(query: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(GRAPHQL_PATH, { method: 'POST', credentials: 'same-origin', headers: WEB_SESSION_HEADERS, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}
