import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@puente/common';

const NEW_PASSWORD = '12 to 128 characters, not too repetitive (at least 4 different characters); a passphrase is best.';

@InputType()
export class TotpCodeInput {
  @Field({ description: 'The 6-digit code of the authenticator app, or (where accepted) an unused recovery code (xxxxx-xxxxx).' }) code!: string;
}

@InputType()
export class ResetTotpInput {
  @Field(() => ID, { description: 'The login (User.id) whose two-factor sign-in is reset.' }) userId!: string;
  @Field({ description: 'Why, for the audit trail: 10 to 2000 characters.' }) reason!: string;
}

@InputType()
export class LoginInput {
  @Field({ description: 'E-mail (staff, employers) or national ID (applicants: DUI with its check digit, e.g. 04567890-3; the dash may be left out).' })
  identifier!: string;
  @Field() password!: string;
}

@InputType()
export class RefreshTokenInput {
  @Field({ description: 'The refreshToken of the last login or refresh; each works once.' }) refreshToken!: string;
}

@InputType()
export class SignOutInput {
  @Field({ description: 'The refreshToken of the session to end (API clients; web clients send none: the cookie is used).' }) refreshToken!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field({ description: 'The password signed in with (the temporary one, at first sign-in).' }) currentPassword!: string;
  @Field({ description: `${NEW_PASSWORD} Different from the current one.` }) newPassword!: string;
}

@InputType()
export class JurisdictionInput {
  @Field({ description: 'The destination country, two letters (CA, US).' }) countryCode!: string;
  @Field(() => [String], { description: "Regions of that country, as a contingent's region is written (CA-QC, CA-ON): at least one." })
  regionCodes!: string[];
}

@InputType()
export class CreateStaffUserInput {
  @Field({ description: 'A valid e-mail address: the new user signs in with it.' }) email!: string;
  @Field(() => Role, { description: 'COORDINATOR, ADMIN or CONSUL.' }) role!: Role;
  @Field(() => JurisdictionInput, {
    nullable: true,
    description: 'Required for a CONSUL (what the consul may see: contingents, placements and cases in these regions); refused for the other roles.',
  })
  jurisdiction?: JurisdictionInput | null;
}

@InputType()
export class RequestPasswordResetInput {
  @Field({ description: 'The e-mail a staff or employer account signs in with. Applicants ask a coordinator for a temporary password instead.' })
  email!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the e-mailed link (after #token=); it works once, within an hour.' }) token!: string;
  @Field({ description: NEW_PASSWORD }) newPassword!: string;
}

@InputType()
export class DeactivateUserInput {
  @Field(() => ID, { description: 'The login (User.id) to deactivate.' }) userId!: string;
  @Field({ description: 'Why, for the audit trail: 10 to 2000 characters.' }) reason!: string;
}
