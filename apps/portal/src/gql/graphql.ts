/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ChangePasswordInput = {
  /** The password signed in with (the temporary one, at first sign-in). */
  currentPassword: string;
  /** 12 to 128 characters, not too repetitive (at least 4 different characters); a passphrase is best. Different from the current one. */
  newPassword: string;
};

/** Destination countries: United States and Canada. */
export type Country =
  | 'CA'
  | 'US';

export type EmployerStatus =
  | 'PENDING_VERIFICATION'
  | 'SUSPENDED'
  | 'VERIFIED';

export type LoginInput = {
  /** E-mail (staff, employers) or national ID (applicants: DUI with its check digit, e.g. 04567890-3; the dash may be left out). */
  identifier: string;
  password: string;
};

/** The destination program the employer hires under. */
export type Program =
  | 'CA_SAWP'
  | 'CA_TFWP_AGRICULTURAL'
  | 'CA_TFWP_LOW_WAGE'
  | 'US_H2A'
  | 'US_H2B';

export type RegisterEmployerInput = {
  city: string;
  /** Also the sign-in e-mail of the first user. */
  contactEmail: string;
  contactName: string;
  /** E.164, e.g. +14165550123 */
  contactPhone: string;
  country: Country;
  legalName: string;
  /** At least 12 characters. */
  password: string;
  program: Program;
  programReference: string;
  /** e.g. US-FL, CA-QC */
  regionCode: string;
  sector: Sector;
  tradeName?: string | null | undefined;
};

export type RequestPasswordResetInput = {
  /** The e-mail a staff or employer account signs in with. Applicants ask a coordinator for a temporary password instead. */
  email: string;
};

export type ResetPasswordInput = {
  /** 12 to 128 characters, not too repetitive (at least 4 different characters); a passphrase is best. */
  newPassword: string;
  /** The token from the e-mailed link (after #token=); it works once, within an hour. */
  token: string;
};

export type Role =
  | 'ADMIN'
  | 'APPLICANT'
  | 'COORDINATOR'
  | 'EMPLOYER';

export type Sector =
  | 'AGRICULTURE'
  | 'CONSTRUCTION'
  | 'FOOD_PROCESSING'
  | 'HOSPITALITY'
  | 'LIVESTOCK';

export type TotpCodeInput = {
  /** The 6-digit code of the authenticator app, or (where accepted) an unused recovery code (xxxxx-xxxxx). */
  code: string;
};

export type PortalAccountMeQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalAccountMeQuery = { me: { id: string, identifier: string, role: Role, employerId: string | null, mustChangePassword: boolean, twoFactorEnabled: boolean } };

export type PortalAccountEmployerQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalAccountEmployerQuery = { employer: { id: string, legalName: string, tradeName: string | null, status: EmployerStatus } };

export type PortalChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type PortalChangePasswordMutation = { changePassword: { accessToken: string, expiresIn: number, mfaRequired: boolean, user: { id: string, role: Role, identifier: string, employerId: string | null, mustChangePassword: boolean } } };

export type PortalRequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type PortalRequestPasswordResetMutation = { requestPasswordReset: boolean };

export type PortalResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type PortalResetPasswordMutation = { resetPassword: boolean };

export type PortalLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type PortalLoginMutation = { login: { accessToken: string, expiresIn: number, mfaRequired: boolean, user: { id: string, role: Role, identifier: string, employerId: string | null, mustChangePassword: boolean } } };

export type PortalCompleteLoginMutationVariables = Exact<{
  input: TotpCodeInput;
}>;


export type PortalCompleteLoginMutation = { completeLogin: { accessToken: string, expiresIn: number, mfaRequired: boolean, user: { id: string, role: Role, identifier: string, employerId: string | null, mustChangePassword: boolean } } };

export type PortalSignUpRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalSignUpRegionsQuery = { regions: Array<{ code: string, country: Country, name: string }> };

export type PortalRegisterEmployerMutationVariables = Exact<{
  input: RegisterEmployerInput;
}>;


export type PortalRegisterEmployerMutation = { registerEmployer: { id: string, legalName: string, contactEmail: string, status: EmployerStatus } };


export const PortalAccountMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalAccountMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]} as unknown as DocumentNode<PortalAccountMeQuery, PortalAccountMeQueryVariables>;
export const PortalAccountEmployerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalAccountEmployer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"tradeName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PortalAccountEmployerQuery, PortalAccountEmployerQueryVariables>;
export const PortalChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]}}]} as unknown as DocumentNode<PortalChangePasswordMutation, PortalChangePasswordMutationVariables>;
export const PortalRequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalRequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<PortalRequestPasswordResetMutation, PortalRequestPasswordResetMutationVariables>;
export const PortalResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<PortalResetPasswordMutation, PortalResetPasswordMutationVariables>;
export const PortalLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]}}]} as unknown as DocumentNode<PortalLoginMutation, PortalLoginMutationVariables>;
export const PortalCompleteLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalCompleteLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TotpCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]}}]} as unknown as DocumentNode<PortalCompleteLoginMutation, PortalCompleteLoginMutationVariables>;
export const PortalSignUpRegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalSignUpRegions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PortalSignUpRegionsQuery, PortalSignUpRegionsQueryVariables>;
export const PortalRegisterEmployerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalRegisterEmployer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEmployerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEmployer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PortalRegisterEmployerMutation, PortalRegisterEmployerMutationVariables>;