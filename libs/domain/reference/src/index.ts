export * from './lib/reference.entities';
export * from './lib/reference.service';
export * from './lib/reference.module';
export * from './lib/reference-graphql.module';
export * from './lib/graphql/reference.model';
export { toMunicipalityModel } from './lib/graphql/reference.mapper';
export { ReferenceReadPortsModule } from './lib/region-directory.reader';
