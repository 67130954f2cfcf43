import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@puente/common';

registerEnumType(Role, { name: 'Role' });

@ObjectType('User', { description: 'A login: staff, employer user or applicant.' })
export class UserModel {
  @Field(() => ID) id!: string;
  @Field(() => Role) role!: Role;
  @Field({ description: 'E-mail for staff and employers, national ID for applicants.' }) identifier!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => ID, { nullable: true }) employerId!: string | null;
  @Field(() => ID, { nullable: true }) applicantId!: string | null;
  @Field() mustChangePassword!: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as Authorization: Bearer <accessToken>.' }) accessToken!: string;
  @Field({ description: 'Single use: each refresh returns a new one.' }) refreshToken!: string;
  @Field(() => Int, { description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @Field(() => UserModel) user!: UserModel;
}

@InputType()
export class LoginInput {
  @Field({ description: 'E-mail (staff, employers) or national ID (applicants).' }) identifier!: string;
  @Field() password!: string;
}

@InputType()
export class RefreshTokenInput {
  @Field() refreshToken!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword!: string;
  @Field() newPassword!: string;
}

@InputType()
export class CreateStaffUserInput {
  @Field() email!: string;
  @Field(() => Role, { description: 'COORDINATOR or ADMIN.' }) role!: Role;
}

@ObjectType()
export class CreateStaffUserPayload {
  @Field(() => UserModel) user!: UserModel;
  @Field({ description: 'Shown once; the user must change it at first sign-in.' }) temporaryPassword!: string;
}
