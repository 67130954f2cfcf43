import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { enumObject, LocalDateScalar } from '@puente/common';
import { DOCUMENT_KINDS, DocumentKind } from '../document.rules';

export const DocumentKindEnum = enumObject(DOCUMENT_KINDS);
registerEnumType(DocumentKindEnum, { name: 'DocumentKind', description: "An applicant's travel and work document." });

@ObjectType('ApplicantDocument', {
  description: "A document of an applicant as a coordinator checked it. Staff and the applicant themself see it, never an employer.",
})
export class ApplicantDocumentModel {
  @Field(() => ID) id!: string;
  @Field(() => DocumentKindEnum) kind!: DocumentKind;
  @Field(() => String, {
    nullable: true,
    description: 'In clear for staff; the applicant sees its last three characters (****678). Null when it has none (a medical certificate).',
  })
  number!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Null only for a passport typed at registration or in updateApplicant.' })
  issueDate!: string | null;
  @Field(() => LocalDateScalar) expiryDate!: string;
  @Field(() => String, { nullable: true }) issuingAuthority!: string | null;
  @Field({ description: 'When it was recorded.' }) recordedAt!: Date;
  @Field({ description: 'Still the current document of its kind (not superseded by a newer one).' }) current!: boolean;
  @Field(() => Date, { nullable: true, description: 'When a newer document of the same kind replaced it.' }) supersededAt!: Date | null;
}

const D = {
  number: 'Passport: 6 to 12 letters or digits; visa: 4 to 20, required; police record: 4 to 20 when it shows one; a medical certificate has none.',
  issueDate: 'YYYY-MM-DD, today at the latest.',
  expiryDate: 'YYYY-MM-DD, after the issue date (a passport: after today).',
  issuingAuthority: '2 to 200 characters, e.g. Dirección General de Migración y Extranjería.',
};

@InputType({ description: 'A document a coordinator checked against the original; a newer one of the same kind replaces the current one.' })
export class RecordDocumentInput {
  @Field(() => ID) applicantId!: string;
  @Field(() => DocumentKindEnum) kind!: DocumentKind;
  @Field(() => String, { nullable: true, description: D.number }) number?: string | null;
  @Field(() => LocalDateScalar, { description: D.issueDate }) issueDate!: string;
  @Field(() => LocalDateScalar, { description: D.expiryDate }) expiryDate!: string;
  @Field({ description: D.issuingAuthority }) issuingAuthority!: string;
}
