import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from './components/PageState';
import { PublicLayout } from './components/PublicLayout';
import { RequireSession } from './components/RequireSession';
import SignIn from './pages/SignIn';

// Every page but sign-in loads on demand, so the first visit downloads only what signing in needs.
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  {
    // Shown while the first page's code loads.
    HydrateFallback: Loading,
    children: [
      {
        Component: PublicLayout,
        children: [
          { path: '/sign-in', Component: SignIn },
          { path: '/sign-up', lazy: page(() => import('./pages/SignUp')) },
          { path: '/forgot-password', lazy: page(() => import('./pages/ForgotPassword')) },
          { path: '/reset-password', lazy: page(() => import('./pages/ResetPassword')) },
        ],
      },
      {
        Component: RequireSession,
        children: [
          {
            lazy: page(() => import('./components/Layout')),
            children: [
              { path: '/', lazy: page(() => import('./pages/Dashboard')) },
              { path: '/orders/new', lazy: page(() => import('./pages/OrderForm')) },
              { path: '/orders/:id', lazy: page(() => import('./pages/OrderDetail')) },
              { path: '/orders/:id/edit', lazy: page(() => import('./pages/OrderForm')) },
              { path: '/orders/:id/shortlist', lazy: page(() => import('./pages/Shortlist')) },
              { path: '/travel', lazy: page(() => import('./pages/Travel')) },
              { path: '/evaluations', lazy: page(() => import('./pages/Evaluations')) },
              { path: '/rehire', lazy: page(() => import('./pages/Rehire')) },
              { path: '/standing', lazy: page(() => import('./pages/Standing')) },
              { path: '/account', lazy: page(() => import('./pages/Account')) },
              { path: '*', lazy: page(() => import('./pages/NotFound')) },
            ],
          },
        ],
      },
    ],
  },
]);
