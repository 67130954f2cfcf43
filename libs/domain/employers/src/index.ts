export * from './lib/employer.entity';
export * from './lib/employer.rules';
export * from './lib/employer.state-machine';
export * from './lib/employer.service';
export * from './lib/employers.module';
export * from './lib/employers-graphql.module';
export { EmployerModel } from './lib/graphql/employer.model';
export { toEmployerModel } from './lib/graphql/employer.mapper';
export * from './lib/employer-standing.reader';
