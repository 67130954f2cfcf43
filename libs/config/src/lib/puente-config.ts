import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { dataProtectionSchema, envSchema } from './config.schema';
import { DataKeys, FieldCipher, parseBlindIndexKey, parseDataKeys } from './field-cipher';

/** The one typed configuration object, injected by class. */
export class PuenteConfig {
  readonly env!: 'development' | 'test' | 'production';
  readonly isProduction!: boolean;
  readonly host!: string;
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  readonly trustProxy!: boolean;
  readonly port!: number;
  readonly workerHealthPort!: number;
  readonly database!: { url: string; poolSize: number; connectTimeoutMs: number };
  readonly redis!: { url: string; queuePrefix: string };
  readonly auth!: {
    accessSecret: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    /** limit: per identifier and address (and per user on changePassword); addressLimit: per address across identifiers. */
    loginThrottle: { limit: number; windowSeconds: number; addressLimit: number };
    /** STAFF_TOTP_REQUIRED: staff who have not enrolled in two-factor sign-in may only enrol. */
    staffTotpRequired: boolean;
  };
  /**
   * What anyone may read without signing in (open job orders, verified employers, their feeds): how long each api
   * process keeps an answer (`cacheTtlSeconds`, also the feeds' max-age) and how many reads one address may make
   * per throttle window (`readLimit`, a counter of its own: reading never uses up sign-in attempts).
   */
  readonly publicData!: { cacheTtlSeconds: number; readLimit: number };
  /** The key the exports' download links are signed with (EXPORT_LINK_SECRET): HMAC-SHA-256 over export, user and expiry. */
  readonly exports!: { linkSecret: string };
  /**
   * The administrators' queue dashboard at /admin/queues (QUEUE_DASHBOARD_SECRET): the key its links and cookie are
   * signed with, or null when the variable is unset, which turns the dashboard off (no route, no link).
   */
  readonly queueDashboard!: { secret: string } | null;
  readonly bootstrapAdmin!: { email: string; password: string } | null;
  readonly logLevel!: string;
  readonly shutdownTimeoutMs!: number;
  readonly workerConcurrency!: number;
  /** How long a job stays locked without a renewal before another worker takes it over (a killed worker). */
  readonly workerLockDurationMs!: number;
  /** Web origins allowed to call the API from a browser; none means same-origin only. */
  readonly corsOrigins!: string[];
  /**
   * The mail relay notifications are sent through, or null to only log them. `url` may carry the relay's
   * password, so it is redacted from logs (LOG_REDACTIONS) and never logged on purpose.
   */
  readonly smtp!: { url: string; from: string } | null;
  /** The base of links sent by e-mail (a password reset), without a trailing slash. */
  readonly publicUrl!: string;
  /**
   * The folder of the portal's production build (index.html, assets/), served by the api at `/` when it exists
   * (absolute: PORTAL_DIR relative to the repository root, else `<repo root>/apps/portal/dist`).
   */
  readonly portalDir!: string;
  /**
   * OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_TRACES_SAMPLER_ARG): the OTLP/HTTP traces URL and the share
   * of traces started, or null when no endpoint is set, which leaves tracing off (libs/telemetry).
   */
  readonly telemetry!: { tracesUrl: string; sampleRatio: number } | null;
  /** Keys of encryption at rest and of the blind indexes (PUENTE_DATA_KEYS, PUENTE_DATA_KEY_ID, PUENTE_BLIND_INDEX_KEY). */
  readonly dataProtection!: DataKeys;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const missing = issue.code === 'invalid_type' && cleaned[name] === undefined;
        return missing ? `${name} is required but not set` : `${name} ${issue.message}`;
      }),
    );
  }
  return parsed.data;
}

function dataKeysOf(e: { PUENTE_DATA_KEYS: string; PUENTE_DATA_KEY_ID: string; PUENTE_BLIND_INDEX_KEY: string }): DataKeys {
  const parsed = parseDataKeys(e.PUENTE_DATA_KEYS);
  if ('problem' in parsed) throw new ConfigError([`PUENTE_DATA_KEYS ${parsed.problem}`]);
  return { keys: parsed.keys, currentKeyId: e.PUENTE_DATA_KEY_ID, blindIndexKey: parseBlindIndexKey(e.PUENTE_BLIND_INDEX_KEY)! };
}

/**
 * The cipher of encryption at rest from the environment alone (PUENTE_DATA_KEYS, PUENTE_DATA_KEY_ID,
 * PUENTE_BLIND_INDEX_KEY), for what runs outside the apps: the migrations, the seed, `npm run rotate-keys`.
 */
export function fieldCipherFromEnv(source: Record<string, string | undefined> = process.env): FieldCipher {
  return new FieldCipher(dataKeysOf(parseEnv(dataProtectionSchema, source)));
}

/**
 * The repository's root folder, found from this file's place rather than the working directory (the apps may be
 * started from anywhere): the nearest folder up that holds tsconfig.base.json, which the Docker image copies too.
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'tsconfig.base.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '../../../..');
  }
}

/** Parses the environment, naming every missing or malformed variable at once. */
export function loadConfig(source: Record<string, string | undefined> = process.env): PuenteConfig {
  const e = parseEnv(envSchema, source);
  return Object.assign(new PuenteConfig(), {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    host: e.HOST,
    trustProxy: e.TRUST_PROXY === 'true',
    port: e.PORT,
    workerHealthPort: e.WORKER_HEALTH_PORT,
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS },
    redis: { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX },
    auth: {
      accessSecret: e.JWT_ACCESS_SECRET,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      loginThrottle: { limit: e.LOGIN_THROTTLE_LIMIT, windowSeconds: e.LOGIN_THROTTLE_WINDOW_SECONDS, addressLimit: e.PUBLIC_ADDRESS_THROTTLE_LIMIT },
      staffTotpRequired: e.STAFF_TOTP_REQUIRED === 'true',
    },
    publicData: { cacheTtlSeconds: e.PUBLIC_CACHE_TTL_SECONDS, readLimit: e.PUBLIC_READ_THROTTLE_LIMIT },
    exports: { linkSecret: e.EXPORT_LINK_SECRET },
    queueDashboard: e.QUEUE_DASHBOARD_SECRET ? { secret: e.QUEUE_DASHBOARD_SECRET } : null,
    bootstrapAdmin:
      e.PUENTE_ADMIN_EMAIL && e.PUENTE_ADMIN_PASSWORD
        ? { email: e.PUENTE_ADMIN_EMAIL.toLowerCase(), password: e.PUENTE_ADMIN_PASSWORD }
        : null,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    workerLockDurationMs: e.WORKER_LOCK_DURATION_MS,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM.trim() } : null,
    publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
    portalDir: path.resolve(repoRoot(), e.PORTAL_DIR ?? 'apps/portal/dist'),
    telemetry: e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { tracesUrl: `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`, sampleRatio: e.OTEL_TRACES_SAMPLER_ARG }
      : null,
    dataProtection: dataKeysOf(e),
  });
}

/** What never reaches a log line, in either app: credentials, tokens and personal identifiers (pino paths). */
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.temporaryPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.nationalId',
  '*.passportNumber',
  '*.phone',
  '*.email',
  // The SMTP URL may carry the relay's password: in the config logged whole or nested, or as the raw variable.
  'smtp.url',
  '*.smtp.url',
  '*.SMTP_URL',
];
