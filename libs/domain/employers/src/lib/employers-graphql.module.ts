import { Module } from '@nestjs/common';
import { ReferenceModule } from '@puente/domain/reference';
import { EmployersModule } from './employers.module';
import { EmployerResolver } from './graphql/employer.resolver';
import { EmployerHoldResolver } from './graphql/employer-hold.resolver';
import { VerifiedEmployerResolver } from './graphql/verified-employer.resolver';

@Module({ imports: [EmployersModule, ReferenceModule], providers: [EmployerResolver, EmployerHoldResolver, VerifiedEmployerResolver] })
export class EmployersGraphqlModule {}
