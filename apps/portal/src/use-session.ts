import { useSyncExternalStore } from 'react';
import { session, type SessionSnapshot } from './session';

export const useSession = (): SessionSnapshot => useSyncExternalStore(session.subscribe, session.snapshot);
