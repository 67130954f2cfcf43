import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@puente/common';

registerEnumType(Role, { name: 'Role' });

@ObjectType('Jurisdiction', { description: "Where a consul may look: a destination country and some of its regions." })
export class JurisdictionModel {
  @Field() countryCode!: string;
  @Field(() => [String], { description: "Region codes as a contingent's region is written (CA-QC)." }) regionCodes!: string[];
}

@ObjectType('User', { description: 'A login: staff, employer user or applicant.' })
export class UserModel {
  @Field(() => ID) id!: string;
  @Field(() => Role) role!: Role;
  @Field({
    description:
      'E-mail for staff and employers. Applicants sign in with their national ID, which is not stored in clear: theirs reads as its keyed hash (the DUI itself is on `applicant`).',
  })
  identifier!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => ID, { nullable: true }) employerId!: string | null;
  @Field(() => ID, { nullable: true }) applicantId!: string | null;
  @Field() mustChangePassword!: boolean;
  @Field({ description: 'False once deactivated: the login cannot sign in or refresh until reactivated.' }) active!: boolean;
  @Field({ description: 'Two-factor sign-in (TOTP) is on: signing in asks for a code after the password.' }) twoFactorEnabled!: boolean;
  @Field(() => JurisdictionModel, { nullable: true, description: "A consul's jurisdiction; null for every other role." })
  jurisdiction!: JurisdictionModel | null;
}

@ObjectType()
export class AuthPayload {
  @Field({
    description:
      'Send as Authorization: Bearer <accessToken>. When mfaRequired is true it can only complete the login (completeLogin), for a few minutes.',
  })
  accessToken!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Single use: each refresh returns a new one. Null while mfaRequired is true, and for web clients (X-Puente-Session: cookie), ' +
      'who get it as the httpOnly cookie puente_refresh instead.',
  })
  refreshToken!: string | null;
  @Field(() => Int, { description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @Field({
    description:
      'True when the account has two-factor sign-in: the sign-in is only half done; call completeLogin with a code (and this accessToken) to get a session.',
  })
  mfaRequired!: boolean;
  @Field(() => UserModel) user!: UserModel;
}

@ObjectType()
export class TotpEnrolment {
  @Field({ description: 'An otpauth:// URI: show it as a QR code for the authenticator app. Shown once.' }) otpauthUri!: string;
  @Field({ description: 'The secret in base32, for typing into the app instead of scanning. Shown once.' }) secret!: string;
}

@ObjectType()
export class ConfirmTotpEnrolmentPayload {
  @Field(() => [String], { description: 'Ten single-use recovery codes, for when the phone is lost. Shown once; keep them safe.' })
  recoveryCodes!: string[];
  @Field(() => AuthPayload, { description: 'A fresh session: every other session of the account has ended.' }) auth!: AuthPayload;
}

@ObjectType()
export class CreateStaffUserPayload {
  @Field(() => UserModel) user!: UserModel;
  @Field({ description: 'Shown once; the user must change it at first sign-in.' }) temporaryPassword!: string;
}
