import { openToken, signToken } from '@puente/common';
import { LINK_TTL_MS } from './export.rules';

/** What a download link binds: one export, one user, until one instant. */
export interface ExportLinkClaims {
  exportId: string;
  userId: string;
  expiresAt: Date;
}

/** Why a presented token opens nothing: not a token, not signed with the secret, for another export, or too late. */
export type ExportLinkRefusal = 'MALFORMED' | 'BAD_SIGNATURE' | 'OTHER_EXPORT' | 'EXPIRED';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Domain separation: a signature of this secret made for anything else never passes for a download link. */
const PURPOSE = 'puente-export-link-v1';

/** When a link handed out at `now` stops working: `LINK_TTL_MS` later. */
export function linkExpiresAt(now: Date): Date {
  return new Date(now.getTime() + LINK_TTL_MS);
}

/**
 * The token of a download link: the export id, the user id and the expiry (milliseconds), signed with
 * HMAC-SHA-256 under the link secret, as `<payload>.<signature>` in base64url. It carries ids only, no personal data.
 */
export function signExportLink(claims: ExportLinkClaims, secret: string): string {
  return signToken(PURPOSE, [claims.exportId, claims.userId, String(claims.expiresAt.getTime())], secret);
}

/**
 * Whether a presented token opens `exportId` at `now`: its signature checked first (`openToken`), then that it
 * names this export and has not expired (an expiry at `now` is expired). The claims when it does, the reason
 * otherwise (for the log; the caller answers without it).
 */
export function verifyExportLink(
  token: string | null | undefined,
  secret: string,
  exportId: string,
  now: Date,
): { claims: ExportLinkClaims; refusal: null } | { claims: null; refusal: ExportLinkRefusal } {
  const refuse = (refusal: ExportLinkRefusal) => ({ claims: null, refusal }) as const;
  const opened = openToken(PURPOSE, token, secret);
  if (opened.refusal) return refuse(opened.refusal);
  const [id, userId, ms, ...more] = opened.fields;
  if (!id || !userId || !ms || more.length || !UUID.test(id) || !UUID.test(userId) || !/^\d{1,15}$/.test(ms)) return refuse('MALFORMED');
  if (id !== exportId.toLowerCase()) return refuse('OTHER_EXPORT');
  const expiresAt = new Date(Number(ms));
  if (expiresAt.getTime() <= now.getTime()) return refuse('EXPIRED');
  return { claims: { exportId: id, userId, expiresAt }, refusal: null };
}

/** The path a link downloads from, relative to the api's origin: `/exports/<id>/file?token=…`. */
export function downloadPath(exportId: string, token: string): string {
  return `/exports/${exportId}/file?token=${encodeURIComponent(token)}`;
}
