import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../use-session';
import { Loading } from './PageState';

/** Pages behind sign-in: without a session, to the sign-in page, remembering where the person was going. */
export function RequireSession() {
  const snapshot = useSession();
  const location = useLocation();
  if (snapshot.status === 'unknown') return <Loading />;
  if (snapshot.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate replace to={`/sign-in?next=${encodeURIComponent(next)}${snapshot.expired ? '&expired=1' : ''}`} />;
  }
  return <Outlet />;
}
