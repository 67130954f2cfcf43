import { JwtService } from '@nestjs/jwt';
import type { PuenteConfig } from '@puente/config';
import { DomainException, Role } from '@puente/common';
import { TokenService } from './token.service';

const config = { auth: { accessSecret: 'a-test-secret-of-at-least-thirty-two-characters', accessTtlSeconds: 60 } } as PuenteConfig;
const tokens = () => new TokenService(new JwtService(), config);
const consul = { userId: '6f1c1d1e-0000-4000-8000-000000000001', role: Role.CONSUL, employerId: null, applicantId: null, jurisdiction: { countryCode: 'CA', regionCodes: ['CA-QC'] } };

describe('TokenService.verify, with its cache of verified tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the same actor the second time, each caller a copy of its own', () => {
    const service = tokens();
    const token = service.signAccess(consul, 3);
    const first = service.verify(token);
    first.actor.jurisdiction!.regionCodes.push('CA-ON');
    first.actor.role = Role.ADMIN;
    const second = service.verify(token);
    expect(second).toEqual({ actor: { ...consul, mustChangePassword: false }, sessionVersion: 3, expiresAt: expect.any(Number) });
  });

  it('refuses a token it verified before once it has expired', () => {
    jest.useFakeTimers({ now: Date.now() });
    const service = tokens();
    const token = service.signAccess(consul, 0, 30);
    expect(service.verify(token).actor.userId).toBe(consul.userId);
    jest.setSystemTime(Date.now() + 31_000);
    expect(() => service.verify(token)).toThrow(DomainException);
  });

  it('trusts only the very string that verified: a token changed by one character is checked, and refused', () => {
    const service = tokens();
    const token = service.signAccess(consul, 0);
    service.verify(token);
    const [header, payload, signature] = token.split('.');
    const flipped = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => service.verify(flipped)).toThrow('The access token is invalid or expired');
    const other = new TokenService(new JwtService(), { auth: { ...config.auth, accessSecret: 'another-secret-of-at-least-thirty-two-characters' } } as PuenteConfig);
    expect(() => other.verify(token)).toThrow(DomainException);
  });
});
