import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { createHash, createSecretKey, KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { PuenteConfig } from '@puente/config';
import { Actor, DomainException, ErrorCode, type Jurisdiction, Role } from '@puente/common';

const ISSUER = 'puente';
const AUDIENCE = 'puente-api';
const ALGORITHM = 'HS256';
/** About 5 MB of tokens at most: every user active within a token's life on a busy day. */
const VERIFIED_TOKENS = 10_000;

interface AccessClaims {
  sub: string;
  role: Role;
  emp?: string;
  app?: string;
  /** A consul's jurisdiction: country and region codes. */
  jur?: { c: string; r: string[] };
  /** Signed in with a temporary password. */
  tmp?: true;
  /** The user's session version when signed; an older one than the current is refused (SessionService). */
  sv?: number;
  /** Two-factor sign-in: 'ok' once a code was given, 'pending' on the half-signed-in token of an enrolled user. */
  mfa?: 'ok' | 'pending';
  exp?: number;
}

/** A verified access token: who, under which session version, until when. */
export interface VerifiedAccess {
  actor: Actor;
  sessionVersion: number;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Access tokens are short-lived JWTs with a pinned algorithm; refresh tokens are opaque random strings. */
@Injectable()
export class TokenService {
  /**
   * The HMAC key as a KeyObject made once: given a plain string, jsonwebtoken first tries (and fails) to parse it
   * as a public key on every verification, which cost about 5% of the api's CPU under load.
   */
  private readonly key: KeyObject;
  /**
   * Tokens already verified, until they expire: a client sends the same token with every request for its life, and
   * verifying the signature again each time was up to 6% of the api's CPU. Keyed by the whole token, so only the very
   * string that verified is trusted; its expiry is checked at each use; bounded, the least recently used going first.
   * The session check (SessionService) still runs per request.
   */
  private readonly verified = new LRUCache<string, VerifiedAccess>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly jwt: JwtService,
    private readonly config: PuenteConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.auth.accessSecret, 'utf8'));
  }

  signAccess(actor: Omit<Actor, 'requestId'>, sessionVersion = 0, ttlSeconds = this.config.auth.accessTtlSeconds): string {
    const claims: AccessClaims = { sub: actor.userId, role: actor.role, sv: sessionVersion };
    if (actor.employerId) claims.emp = actor.employerId;
    if (actor.applicantId) claims.app = actor.applicantId;
    if (actor.role === Role.CONSUL && actor.jurisdiction) claims.jur = { c: actor.jurisdiction.countryCode, r: [...actor.jurisdiction.regionCodes] };
    if (actor.mustChangePassword) claims.tmp = true;
    if (actor.secondFactor) claims.mfa = actor.secondFactor === 'passed' ? 'ok' : 'pending';
    return this.jwt.sign(claims, {
      secret: this.key as unknown as string,
      algorithm: ALGORITHM,
      expiresIn: ttlSeconds,
      issuer: ISSUER,
      audience: AUDIENCE,
      jwtid: randomUUID(),
    });
  }

  /** The actor of a bearer token, or UNAUTHENTICATED for anything expired, forged or malformed. */
  verifyAccess(token: string): Actor {
    return this.verify(token).actor;
  }

  /** The actor, session version and expiry of a bearer token, or UNAUTHENTICATED for anything expired, forged or malformed. */
  verify(token: string): VerifiedAccess {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return { ...known, actor: copyOf(known.actor) };
    const access = this.verifySignature(token);
    this.verified.set(token, access);
    return { ...access, actor: copyOf(access.actor) };
  }

  private verifySignature(token: string): VerifiedAccess {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, {
        secret: this.key as unknown as string,
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
    } catch {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The access token is invalid or expired; sign in again or refresh it.');
    }
    if (!claims.sub || !Object.values(Role).includes(claims.role)) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The access token is invalid; sign in again.');
    }
    const actor: Actor = {
      userId: claims.sub,
      role: claims.role,
      employerId: claims.emp ?? null,
      applicantId: claims.app ?? null,
      mustChangePassword: claims.tmp === true,
    };
    if (claims.role === Role.CONSUL) actor.jurisdiction = jurisdictionOfClaim(claims.jur);
    if (claims.mfa === 'ok') actor.secondFactor = 'passed';
    else if (claims.mfa === 'pending') actor.secondFactor = 'pending';
    return { actor, sessionVersion: claims.sv ?? 0, expiresAt: (claims.exp ?? 0) * 1000 };
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token) };
  }
}

/** Each request its own actor: a handler that changed it must not change the next request's. */
function copyOf(actor: Actor): Actor {
  return actor.jurisdiction ? { ...actor, jurisdiction: { ...actor.jurisdiction, regionCodes: [...actor.jurisdiction.regionCodes] } } : { ...actor };
}

/** A consul token's jurisdiction claim, or null when it is missing or malformed (the consul then sees nothing). */
function jurisdictionOfClaim(claim: AccessClaims['jur']): Jurisdiction | null {
  if (!claim || typeof claim.c !== 'string' || !Array.isArray(claim.r)) return null;
  const regionCodes = claim.r.filter((r): r is string => typeof r === 'string');
  return regionCodes.length ? { countryCode: claim.c, regionCodes } : null;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
