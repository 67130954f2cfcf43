import { Module } from '@nestjs/common';
import { ReferenceResolver } from './graphql/reference.resolver';
import { ReferenceModule } from './reference.module';

@Module({ imports: [ReferenceModule], providers: [ReferenceResolver] })
export class ReferenceGraphqlModule {}
