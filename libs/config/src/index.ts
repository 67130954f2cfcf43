export * from './lib/puente-config';
export * from './lib/config.module';
export * from './lib/field-cipher';
export * from './lib/error-serializer';
export * from './lib/logger';
