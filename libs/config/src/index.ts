export * from './lib/puente-config';
export * from './lib/config.module';
