import pino from 'pino';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig, LOG_REDACTIONS } from './puente-config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/puente',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_ACCESS_SECRET: 'x'.repeat(40),
  EXPORT_LINK_SECRET: 'y'.repeat(40),
  PUENTE_DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  PUENTE_DATA_KEY_ID: 'k1',
  PUENTE_BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('fills defaults into one typed object', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.env).toBe('development');
    expect(config.auth.accessTtlSeconds).toBe(900);
    expect(config.bootstrapAdmin).toBeNull();
    expect(config.redis.queuePrefix).toBe('puente');
    expect(config.smtp).toBeNull();
  });

  it('names every missing variable', () => {
    expect(problemsOf({})).toEqual(
      expect.arrayContaining([
        'DATABASE_URL is required but not set',
        'REDIS_URL is required but not set',
        'JWT_ACCESS_SECRET is required but not set',
        'EXPORT_LINK_SECRET is required but not set',
        'PUENTE_DATA_KEYS is required but not set',
        'PUENTE_DATA_KEY_ID is required but not set',
        'PUENTE_BLIND_INDEX_KEY is required but not set',
      ]),
    );
  });

  it('reads the export link secret, refusing a short one or the access tokens\' own', () => {
    expect(loadConfig(valid).exports.linkSecret).toBe('y'.repeat(40));
    expect(problemsOf({ ...valid, EXPORT_LINK_SECRET: 'short' })).toEqual(['EXPORT_LINK_SECRET must be at least 32 characters (use a long random string)']);
    expect(problemsOf({ ...valid, EXPORT_LINK_SECRET: valid.JWT_ACCESS_SECRET })).toEqual(['EXPORT_LINK_SECRET must differ from JWT_ACCESS_SECRET']);
  });

  it('reads the queue dashboard secret (unset: the dashboard is off), refusing a short one or another secret\'s', () => {
    expect(loadConfig(valid).queueDashboard).toBeNull();
    expect(loadConfig({ ...valid, QUEUE_DASHBOARD_SECRET: '' }).queueDashboard).toBeNull();
    expect(loadConfig({ ...valid, QUEUE_DASHBOARD_SECRET: 'q'.repeat(40) }).queueDashboard).toEqual({ secret: 'q'.repeat(40) });
    expect(problemsOf({ ...valid, QUEUE_DASHBOARD_SECRET: 'short' })).toEqual(['QUEUE_DASHBOARD_SECRET must be at least 32 characters (use a long random string)']);
    for (const taken of [valid.JWT_ACCESS_SECRET, valid.EXPORT_LINK_SECRET]) {
      expect(problemsOf({ ...valid, QUEUE_DASHBOARD_SECRET: taken })).toEqual(['QUEUE_DASHBOARD_SECRET must differ from JWT_ACCESS_SECRET and EXPORT_LINK_SECRET']);
    }
  });

  it('reads the data keys and refuses malformed ones, naming the variable and never the key', () => {
    const k2 = Buffer.alloc(32, 3).toString('base64url');
    const config = loadConfig({ ...valid, PUENTE_DATA_KEYS: `${valid.PUENTE_DATA_KEYS}, k2:${k2}`, PUENTE_DATA_KEY_ID: 'k2' });
    expect([...config.dataProtection.keys.keys()]).toEqual(['k1', 'k2']);
    expect(config.dataProtection.currentKeyId).toBe('k2');
    const short = Buffer.alloc(16, 4).toString('base64');
    const problems = [
      ...problemsOf({ ...valid, PUENTE_DATA_KEYS: `k1:${short}` }),
      ...problemsOf({ ...valid, PUENTE_DATA_KEYS: 'not a key list' }),
      ...problemsOf({ ...valid, PUENTE_DATA_KEY_ID: 'k9' }),
      ...problemsOf({ ...valid, PUENTE_BLIND_INDEX_KEY: short }),
      ...problemsOf({ ...valid, PUENTE_BLIND_INDEX_KEY: Buffer.alloc(32, 1).toString('base64') }),
    ];
    expect(problems).toEqual([
      'PUENTE_DATA_KEYS key "k1" must be 32 random bytes in base64 (e.g. openssl rand -base64 32)',
      'PUENTE_DATA_KEYS must be a comma-separated list of keyId:base64key (key ids of letters, digits, - or _)',
      'PUENTE_DATA_KEY_ID must be the id of one of the keys in PUENTE_DATA_KEYS',
      'PUENTE_BLIND_INDEX_KEY must be 32 or more random bytes in base64 (e.g. openssl rand -base64 32)',
      'PUENTE_BLIND_INDEX_KEY must differ from every key in PUENTE_DATA_KEYS',
    ]);
    expect(problems.join(' ')).not.toContain(short);
  });

  it('names a malformed variable with what is wrong', () => {
    expect(problemsOf({ ...valid, DATABASE_URL: 'mysql://x' })).toEqual([
      'DATABASE_URL must be a URL starting with postgres:// or postgresql://',
    ]);
    expect(problemsOf({ ...valid, PORT: 'eighty' })[0]).toMatch(/^PORT /);
    expect(problemsOf({ ...valid, JWT_ACCESS_TTL_SECONDS: '3600' })).toEqual([
      'JWT_ACCESS_TTL_SECONDS must be at most 900 (15 minutes)',
    ]);
  });

  it('reads the allowed web origins and refuses a malformed one', () => {
    expect(loadConfig(valid).corsOrigins).toEqual([]);
    expect(loadConfig({ ...valid, CORS_ORIGINS: 'https://portal.trabajo.gob.sv, http://localhost:5173' }).corsOrigins).toEqual([
      'https://portal.trabajo.gob.sv',
      'http://localhost:5173',
    ]);
    expect(problemsOf({ ...valid, CORS_ORIGINS: 'portal.trabajo.gob.sv' })[0]).toMatch(/^CORS_ORIGINS must be a comma-separated list/);
  });

  it('requires the bootstrap admin e-mail and password together', () => {
    expect(problemsOf({ ...valid, PUENTE_ADMIN_EMAIL: 'admin@puente.example' })).toEqual([
      'PUENTE_ADMIN_PASSWORD must be set together with PUENTE_ADMIN_EMAIL',
    ]);
    const config = loadConfig({ ...valid, PUENTE_ADMIN_EMAIL: 'Admin@Puente.example', PUENTE_ADMIN_PASSWORD: 'a-long-password!' });
    expect(config.bootstrapAdmin).toEqual({ email: 'admin@puente.example', password: 'a-long-password!' });
  });

  it('sends mail through SMTP only when SMTP_URL is set, from a default or given sender', () => {
    expect(loadConfig({ ...valid, SMTP_FROM: 'puente@trabajo.gob.sv' }).smtp).toBeNull();
    expect(loadConfig({ ...valid, SMTP_URL: 'smtp://user:pass@mail.example.gov:587' }).smtp).toEqual({
      url: 'smtp://user:pass@mail.example.gov:587',
      from: 'Puente <no-reply@puente.local>',
    });
    const config = loadConfig({ ...valid, SMTP_URL: 'smtps://mail.example.gov', SMTP_FROM: 'Programa de Trabajo <puente@trabajo.gob.sv>' });
    expect(config.smtp).toEqual({ url: 'smtps://mail.example.gov', from: 'Programa de Trabajo <puente@trabajo.gob.sv>' });
    expect(loadConfig({ ...valid, SMTP_URL: 'smtp://mail.example.gov', SMTP_FROM: 'puente@trabajo.gob.sv' }).smtp?.from).toBe('puente@trabajo.gob.sv');
  });

  it('refuses an SMTP URL of another scheme or without a server, and a sender that is not an address', () => {
    expect(problemsOf({ ...valid, SMTP_URL: 'https://mail.example.gov' })).toEqual(['SMTP_URL must be a URL starting with smtp:// or smtps://']);
    expect(problemsOf({ ...valid, SMTP_URL: 'smtp:mail.example.gov' })).toEqual(['SMTP_URL must name the mail server, like smtp://user:pass@mail.example.gov:587']);
    expect(problemsOf({ ...valid, SMTP_URL: 'smtp://mail.example.gov', SMTP_FROM: 'Puente' })[0]).toMatch(/^SMTP_FROM must be an e-mail address/);
    expect(problemsOf({ ...valid, SMTP_URL: 'smtp://mail.example.gov', SMTP_FROM: 'Puente <no-reply>' })[0]).toMatch(/^SMTP_FROM must be an e-mail address/);
  });

  it('never names the SMTP password in a configuration error', () => {
    const problems = problemsOf({ ...valid, SMTP_URL: 'smtp://user:s3cret-pass@mail.example.gov:587', SMTP_FROM: 'nobody' });
    expect(problems).toHaveLength(1);
    expect(problems.join('\n')).not.toContain('s3cret-pass');
  });

  it('takes the public base of e-mailed links from PUBLIC_URL, without a trailing slash', () => {
    expect(loadConfig(valid).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://puente.trabajo.gob.sv/portal/' }).publicUrl).toBe('https://puente.trabajo.gob.sv/portal');
    for (const bad of ['puente.gob.sv', 'ftp://puente.gob.sv', 'https://puente.gob.sv/?a=1', 'https://u:p@puente.gob.sv']) {
      expect(problemsOf({ ...valid, PUBLIC_URL: bad })[0]).toMatch(/^PUBLIC_URL /);
    }
  });

  it('traces only when OTEL_EXPORTER_OTLP_ENDPOINT is set, to its /v1/traces, sampling all unless told a share', () => {
    expect(loadConfig(valid).telemetry).toBeNull();
    expect(loadConfig({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_TRACES_SAMPLER_ARG: '0.5' }).telemetry).toBeNull();
    expect(loadConfig({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' }).telemetry).toEqual({
      tracesUrl: 'http://otel-collector:4318/v1/traces',
      sampleRatio: 1,
    });
    expect(loadConfig({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.gov/otlp/', OTEL_TRACES_SAMPLER_ARG: '0.25' }).telemetry).toEqual({
      tracesUrl: 'https://otel.example.gov/otlp/v1/traces',
      sampleRatio: 0.25,
    });
    for (const bad of ['otel-collector:4318', 'grpc://otel-collector:4317', 'http://otel-collector:4318/?a=1']) {
      expect(problemsOf({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: bad })[0]).toMatch(/^OTEL_EXPORTER_OTLP_ENDPOINT /);
    }
    expect(problemsOf({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER_ARG: '2' })[0]).toMatch(/^OTEL_TRACES_SAMPLER_ARG /);
  });
});

describe('log redaction (api and worker)', () => {
  it('never writes tokens, passwords, national IDs, passport numbers, contacts or the SMTP password', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ redact: { paths: LOG_REDACTIONS, censor: '[redacted]' } }, sink);
    logger.info({
      req: { headers: { authorization: 'Bearer eyJhbGciOi.secret', cookie: 'sid=1' } },
      input: { password: 'hunter2-hunter2', nationalId: '00016297-5', passportNumber: 'ZZ0000001', phone: '+50300000001', email: 'maria@example.com' },
      session: { accessToken: 'eyJ.a.b', refreshToken: 'r-123' },
      config: { smtp: { url: 'smtp://relay:smtp-pass-1@mail.example.gov:587', from: 'Puente <no-reply@puente.local>' } },
      env: { SMTP_URL: 'smtps://relay:smtp-pass-2@mail.example.gov' },
    });
    logger.info({ smtp: { url: 'smtp://relay:smtp-pass-3@mail.example.gov' } }, 'the configuration itself, logged whole');
    const out = lines.join('');
    for (const secret of ['eyJhbGciOi', 'sid=1', 'hunter2', '00016297-5', 'ZZ0000001', '+50300000001', 'maria@example.com', 'eyJ.a.b', 'r-123', 'smtp-pass']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
