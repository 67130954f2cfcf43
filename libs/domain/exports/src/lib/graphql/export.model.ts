import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connected, enumObject } from '@puente/common';
import { EXPORT_FORMATS, EXPORT_KINDS, EXPORT_LANGUAGES, ExportFormat, ExportKind, ExportLanguage } from '../export.rules';
import { EXPORT_STATUSES, ExportStatus } from '../export.state-machine';

export const ExportKindEnum = enumObject(EXPORT_KINDS);
registerEnumType(ExportKindEnum, {
  name: 'ExportKind',
  description: 'What is exported: the applicants, employers, job orders or contingents list (with that list\'s filter), or every statistics table of a period (one sheet each).',
});
export const ExportFormatEnum = enumObject(EXPORT_FORMATS);
registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description: 'CSV: UTF-8 with a byte order mark, comma-separated, RFC 4180 quoting (statistics: each table under its title). XLSX: an Excel workbook with typed cells and a frozen, bold header row.',
});
export const ExportLanguageEnum = enumObject(EXPORT_LANGUAGES);
registerEnumType(ExportLanguageEnum, { name: 'ExportLanguage', description: 'The language of the headers, titles and yes/no: ES (Spanish) or EN (English).' });
export const ExportStatusEnum = enumObject(EXPORT_STATUSES);
registerEnumType(ExportStatusEnum, {
  name: 'ExportStatus',
  description: 'PENDING while the worker builds it, READY to download (for 24 hours), FAILED (see error), EXPIRED once its file was deleted.',
});

@ObjectType('Export', { description: 'An export you asked for (requestExport): only its requester reads it.' })
export class ExportModel {
  @Field(() => ID) id!: string;
  @Field(() => ExportKindEnum) kind!: ExportKind;
  @Field(() => ExportFormatEnum) format!: ExportFormat;
  @Field(() => ExportLanguageEnum) language!: ExportLanguage;
  @Field(() => ExportStatusEnum) status!: ExportStatus;
  @Field(() => [String], { description: 'The names of the filter fields given (never their values).' }) filterFields!: string[];
  @Field(() => Int, { nullable: true, description: 'Rows written (all tables together), once READY.' }) rowCount!: number | null;
  @Field(() => Float, { nullable: true, description: 'The file\'s size in bytes, once READY.' }) byteSize!: number | null;
  @Field() requestedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was built, or failed.' }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When its file is deleted: 24 hours after it was built.' }) expiresAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'While READY: where to download the file (GET, relative to the api), a link signed for you that works 15 minutes; read the export again for a fresh one.',
  })
  downloadUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it FAILED, in words you can act on.' }) error!: string | null;
}

@ObjectType()
export class ExportConnection extends Connected(ExportModel) {}
