export * from './lib/export.rules';
export * from './lib/export-link.rules';
export * from './lib/export.state-machine';
export * from './lib/export.entity';
export { ExportsService, PART_BYTES, PAGE_ROWS } from './lib/exports.service';
export type { BuildResult, ExportDownload, ExportView, RequestExport } from './lib/exports.service';
export * from './lib/exports.module';
