import { z } from 'zod';
import { KEY_ID_PATTERN, parseBlindIndexKey, parseDataKeys } from './field-cipher';

const url = (protocols: string[]) =>
  z
    .string()
    .min(1)
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);

const port = z.coerce.number().int().min(1).max(65535);

/** `smtp:mail.example.gov` parses as a URL without a host; a malformed URL is left to `url()` to report. */
const hasHost = (v: string) => {
  try {
    return new URL(v).hostname !== '';
  } catch {
    return true;
  }
};

/** An e-mail address, bare or with a display name: `no-reply@puente.local` or `Puente <no-reply@puente.local>`. */
const mailbox = z.string().refine((v) => {
  const address = /^[^<>]*<([^<>]+)>$/.exec(v.trim())?.[1] ?? v.trim();
  return z.email().safeParse(address).success;
}, 'must be an e-mail address, optionally with a name: Puente <no-reply@puente.local>');

/** The keys of encryption at rest (see field-cipher.ts); read by the apps, the migrations and the tools alike. */
export const dataProtectionShape = {
  PUENTE_DATA_KEYS: z.string().superRefine((v, ctx) => {
    const parsed = parseDataKeys(v);
    if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
  }),
  PUENTE_DATA_KEY_ID: z.string().regex(KEY_ID_PATTERN, 'must be the id of one of the keys in PUENTE_DATA_KEYS'),
  PUENTE_BLIND_INDEX_KEY: z
    .string()
    .refine((v) => parseBlindIndexKey(v) !== null, 'must be 32 or more random bytes in base64 (e.g. openssl rand -base64 32)'),
};

type DataProtectionEnv = { PUENTE_DATA_KEYS: string; PUENTE_DATA_KEY_ID: string; PUENTE_BLIND_INDEX_KEY: string };

/** Checks across the three variables: the current key is listed, and the blind-index key is not a data key. */
export function dataProtectionProblems(env: DataProtectionEnv): { path: string; message: string }[] {
  const parsed = parseDataKeys(env.PUENTE_DATA_KEYS);
  const blind = parseBlindIndexKey(env.PUENTE_BLIND_INDEX_KEY);
  if ('problem' in parsed || !blind) return [];
  const problems: { path: string; message: string }[] = [];
  if (!parsed.keys.has(env.PUENTE_DATA_KEY_ID)) {
    problems.push({ path: 'PUENTE_DATA_KEY_ID', message: 'must be the id of one of the keys in PUENTE_DATA_KEYS' });
  }
  if ([...parsed.keys.values()].some((k) => k.equals(blind))) {
    problems.push({ path: 'PUENTE_BLIND_INDEX_KEY', message: 'must differ from every key in PUENTE_DATA_KEYS' });
  }
  return problems;
}

const refineDataProtection = (env: DataProtectionEnv, ctx: z.RefinementCtx) => {
  for (const p of dataProtectionProblems(env)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
};

export const dataProtectionSchema = z.object(dataProtectionShape).superRefine(refineDataProtection);

/** Every variable Puente reads, validated once at boot. Nothing else reads process.env. */
export const envSchema = z
  .object({
    ...dataProtectionShape,
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    PORT: port.default(3000),
    WORKER_HEALTH_PORT: port.default(3001),
    DATABASE_URL: url(['postgres:', 'postgresql:']),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    REDIS_URL: url(['redis:', 'rediss:']),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'must be 1-40 lower-case letters, digits or dashes')
      .default('puente'),
    JWT_ACCESS_SECRET: z.string().min(32, 'must be at least 32 characters (use a long random string)'),
    JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(5).max(900, 'must be at most 900 (15 minutes)').default(900),
    /** The HMAC key of the exports' download links (export, user, 15-minute expiry). */
    EXPORT_LINK_SECRET: z.string().min(32, 'must be at least 32 characters (use a long random string)'),
    /** The HMAC key of the queue dashboard's links and cookie (administrators only); unset turns the dashboard off. */
    QUEUE_DASHBOARD_SECRET: z.string().min(32, 'must be at least 32 characters (use a long random string)').optional(),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    PUENTE_ADMIN_EMAIL: z.string().email().optional(),
    PUENTE_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    LOGIN_THROTTLE_LIMIT: z.coerce.number().int().min(1).default(5),
    LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    PUBLIC_ADDRESS_THROTTLE_LIMIT: z.coerce.number().int().min(1).default(30),
    /** Anonymous reads (the public job orders, verified employers and feeds) per client address, in the same window. */
    PUBLIC_READ_THROTTLE_LIMIT: z.coerce.number().int().min(1).default(120),
    /** How long each api process keeps a public answer (job orders, employers, feeds) before reading it again; 0 keeps none. */
    PUBLIC_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    /** true: staff (administrators, coordinators) who have not enrolled in two-factor sign-in can do nothing but enrol. */
    STAFF_TOTP_REQUIRED: z.enum(['true', 'false']).default('false'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    CORS_ORIGINS: z
      .string()
      .default('')
      .refine((v) => v.split(',').every((o) => !o.trim() || /^https?:\/\/[^/\s]+$/.test(o.trim())), 'must be a comma-separated list of origins like https://portal.example.gov'),
    /** Unset: notifications go to the log. smtps: is TLS from the start (port 465), smtp: upgrades with STARTTLS when offered. */
    SMTP_URL: url(['smtp:', 'smtps:']).refine(hasHost, 'must name the mail server, like smtp://user:pass@mail.example.gov:587').optional(),
    SMTP_FROM: mailbox.default('Puente <no-reply@puente.local>'),
    /** Where people open Puente: the base of links sent by e-mail (a password reset). No path query or fragment. */
    PUBLIC_URL: url(['http:', 'https:'])
      .refine((v) => {
        try {
          const u = new URL(v);
          return u.hostname !== '' && !u.search && !u.hash && !u.username && !u.password;
        } catch {
          return true;
        }
      }, 'must be a web address like https://puente.example.gov, without a query, fragment or credentials')
      .default('http://localhost:3000'),
    /** The built web portal (index.html and assets/) the api serves on its own origin; default <repo root>/apps/portal/dist. */
    PORTAL_DIR: z.string().min(1).optional(),
    /**
     * Where traces go, OpenTelemetry's standard variable: the OTLP/HTTP collector's base URL (`/v1/traces` is added).
     * Unset turns tracing off: no SDK, no instrumentation.
     */
    OTEL_EXPORTER_OTLP_ENDPOINT: url(['http:', 'https:'])
      .refine((v) => {
        try {
          const u = new URL(v);
          return !u.search && !u.hash;
        } catch {
          return true;
        }
      }, 'must be a collector address like http://otel-collector:4318, without a query or fragment')
      .optional(),
    /** The share of requests and jobs that start a trace, 0 to 1 (the standard variable); what they cause follows their decision. */
    OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  })
  .refine((env) => env.EXPORT_LINK_SECRET !== env.JWT_ACCESS_SECRET, { message: 'must differ from JWT_ACCESS_SECRET', path: ['EXPORT_LINK_SECRET'] })
  .refine((env) => env.QUEUE_DASHBOARD_SECRET === undefined || ![env.JWT_ACCESS_SECRET, env.EXPORT_LINK_SECRET].includes(env.QUEUE_DASHBOARD_SECRET), {
    message: 'must differ from JWT_ACCESS_SECRET and EXPORT_LINK_SECRET',
    path: ['QUEUE_DASHBOARD_SECRET'],
  })
  .refine((env) => Boolean(env.PUENTE_ADMIN_EMAIL) === Boolean(env.PUENTE_ADMIN_PASSWORD), {
    message: 'must be set together with PUENTE_ADMIN_EMAIL',
    path: ['PUENTE_ADMIN_PASSWORD'],
  })
  .superRefine(refineDataProtection);

export type Env = z.infer<typeof envSchema>;
