import { Args, Field, ID, InputType, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@puente/auth';
import { Connected, PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { AuditEventRow, AuditTrailService } from './audit-trail.service';

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

@InputType()
export class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Done by this user.' }) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'This GraphQL operation (e.g. updateApplicant) or office action (e.g. update-applicant).' }) operation?: string | null;
  @Field(() => String, { nullable: true, description: 'On this kind of record, e.g. applicant.' }) entity?: string | null;
  @Field(() => ID, { nullable: true, description: 'On (or reading) this record.' }) entityId?: string | null;
  @Field(() => Date, { nullable: true, description: 'At or after this instant.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'At or before this instant.' }) to?: Date | null;
}

const toModel = (row: AuditEventRow): AuditEventModel => ({
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

@Resolver()
export class AuditLogResolver {
  constructor(private readonly trail: AuditTrailService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first, for administrators.' })
  async auditLog(@Args() pageArgs: PageArgs, @Args('filter', { nullable: true }) filter?: AuditLogFilterInput): Promise<AuditEventConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.trail.list(filter ?? {}, page), page, toModel);
  }
}
