import pino from 'pino';
import { Writable } from 'node:stream';
import { LOG_REDACTIONS } from './puente-config';

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
