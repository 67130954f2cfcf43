import type { HelmetOptions } from 'helmet';

/**
 * Security headers from helmet, on every response (HSTS, nosniff, frame-ancestors, referrer policy, no X-Powered-By, …).
 *
 * The Content-Security-Policy differs by environment, on purpose:
 * - production: the api serves JSON only (no Sandbox, no landing page worth rendering), so the policy allows
 *   nothing at all (`default-src 'none'`, no framing, no form posts): a response a browser renders runs nothing.
 * - development: the Apollo Sandbox page (`GET /graphql` from a browser) is an inline script that loads the
 *   Sandbox from Apollo's CDN into an iframe; rather than maintain a list of Apollo's hosts that changes with
 *   their releases, the CSP is left off there. Every other header is the same in both.
 * The portal's files (portal.ts) replace this CSP with their own, PORTAL_CSP, in every environment, and so does
 * the administrators' queue dashboard under /admin/queues (queue-dashboard/queue-dashboard.ts, DASHBOARD_CSP).
 */
export function securityHeaders(isProduction: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: isProduction
      ? {
          useDefaults: false,
          directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], formAction: ["'none'"], baseUri: ["'none'"] },
        }
      : false,
    // Browsers calling from CORS_ORIGINS read responses through CORS; CORP only affects no-cors loads.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  };
}
