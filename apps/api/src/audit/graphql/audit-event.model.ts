import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connected } from '@puente/common';
import type { AuditEventRow } from '../audit-trail.service';

@ObjectType('AuditEvent', {
  description:
    'One line of the audit trail: a request (every mutation, and every staff read of applicants\' personal data) or an office operation\'s own line, written in its transaction. Never argument values: only names, ids and codes.',
})
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'When it happened.' }) at!: Date;
  @Field(() => ID, { nullable: true, description: 'Who: the signed-in user (for login, the user who signed in); null when anonymous.' }) userId!: string | null;
  @Field({ description: 'Their role at the time, or ANONYMOUS.' }) role!: string;
  @Field({ description: '"mutation" or "read" for a request record; an office operation\'s own action otherwise, e.g. "update-applicant".' }) action!: string;
  @Field(() => String, { nullable: true, description: 'The GraphQL operation called, e.g. updateApplicant.' }) operation!: string | null;
  @Field(() => String, { nullable: true, description: 'The kind of record acted on, e.g. applicant.' }) entity!: string | null;
  @Field(() => ID, { nullable: true, description: 'The record acted on, for an office operation\'s line.' }) entityId!: string | null;
  @Field(() => [ID], { description: 'The ids of the records a request targeted (its arguments named id, …Id, …Ids) or read.' }) targetIds!: string[];
  @Field({ description: 'SUCCESS, or the error code the caller received.' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'The client address.' }) ip!: string | null;
  @Field(() => String, { nullable: true, description: 'The request id, shared by a request record and the office lines it wrote.' }) requestId!: string | null;
  @Field(() => String, { nullable: true, description: 'The reason given, for office operations that ask for one.' }) reason!: string | null;
  @Field(() => [String], { description: 'The names of the fields an office operation changed, never their values.' }) fields!: string[];
}

@ObjectType()
export class AuditEventConnection extends Connected(AuditEventModel) {}

/** The model is not the row: the GraphQL names of an audit line. */
export const toAuditEventModel = (row: AuditEventRow): AuditEventModel => ({
  id: row.id,
  at: row.createdAt,
  userId: row.userId,
  role: row.role,
  action: row.action,
  operation: row.operation,
  entity: row.entity,
  entityId: row.entityId,
  targetIds: row.targetIds,
  outcome: row.outcome,
  ip: row.ip,
  requestId: row.requestId,
  reason: row.reason,
  fields: row.fields,
});
