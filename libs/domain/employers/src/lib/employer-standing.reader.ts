import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EMPLOYER_STANDING_READER, type EmployerStandingReader } from '@puente/auth';
import { EmployerEntity } from './employer.entity';

/** The employers' side of auth's port: whether an employer is suspended. */
@Injectable()
export class EmployerStandingService implements EmployerStandingReader {
  async isSuspended(em: EntityManager, employerId: string): Promise<boolean> {
    const employer = await em.findOne(EmployerEntity, { where: { id: employerId }, select: { id: true, status: true } });
    return employer?.status === 'SUSPENDED';
  }
}

/** Global, because auth's module cannot import the employers' (the dependency runs the other way). */
@Global()
@Module({ providers: [EmployerStandingService, { provide: EMPLOYER_STANDING_READER, useExisting: EmployerStandingService }], exports: [EMPLOYER_STANDING_READER] })
export class EmployersReadPortsModule {}
