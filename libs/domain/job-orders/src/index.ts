export * from './lib/job-order.entity';
export * from './lib/job-order.rules';
export * from './lib/job-order.state-machine';
export * from './lib/job-order.service';
export * from './lib/job-order-draft';
export * from './lib/job-orders.module';
export * from './lib/job-orders-graphql.module';
export { CancelJobOrderInput, JobOrderModel } from './lib/graphql/job-order.model';
export { toJobOrderModel } from './lib/graphql/job-order.mapper';
