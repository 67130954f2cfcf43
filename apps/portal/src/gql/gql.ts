/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PortalAccountMe {\n    me {\n      id\n      identifier\n      role\n      employerId\n      mustChangePassword\n      twoFactorEnabled\n    }\n  }\n": typeof types.PortalAccountMeDocument,
    "\n  query PortalAccountEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n    }\n  }\n": typeof types.PortalAccountEmployerDocument,
    "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n": typeof types.PortalChangePasswordDocument,
    "\n  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": typeof types.PortalRequestPasswordResetDocument,
    "\n  mutation PortalResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.PortalResetPasswordDocument,
    "\n  mutation PortalLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n": typeof types.PortalLoginDocument,
    "\n  mutation PortalCompleteLogin($input: TotpCodeInput!) {\n    completeLogin(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n": typeof types.PortalCompleteLoginDocument,
    "\n  query PortalSignUpRegions {\n    regions {\n      code\n      country\n      name\n    }\n  }\n": typeof types.PortalSignUpRegionsDocument,
    "\n  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {\n    registerEmployer(input: $input) {\n      id\n      legalName\n      contactEmail\n      status\n    }\n  }\n": typeof types.PortalRegisterEmployerDocument,
};
const documents: Documents = {
    "\n  query PortalAccountMe {\n    me {\n      id\n      identifier\n      role\n      employerId\n      mustChangePassword\n      twoFactorEnabled\n    }\n  }\n": types.PortalAccountMeDocument,
    "\n  query PortalAccountEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n    }\n  }\n": types.PortalAccountEmployerDocument,
    "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n": types.PortalChangePasswordDocument,
    "\n  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": types.PortalRequestPasswordResetDocument,
    "\n  mutation PortalResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.PortalResetPasswordDocument,
    "\n  mutation PortalLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n": types.PortalLoginDocument,
    "\n  mutation PortalCompleteLogin($input: TotpCodeInput!) {\n    completeLogin(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n": types.PortalCompleteLoginDocument,
    "\n  query PortalSignUpRegions {\n    regions {\n      code\n      country\n      name\n    }\n  }\n": types.PortalSignUpRegionsDocument,
    "\n  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {\n    registerEmployer(input: $input) {\n      id\n      legalName\n      contactEmail\n      status\n    }\n  }\n": types.PortalRegisterEmployerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalAccountMe {\n    me {\n      id\n      identifier\n      role\n      employerId\n      mustChangePassword\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  query PortalAccountMe {\n    me {\n      id\n      identifier\n      role\n      employerId\n      mustChangePassword\n      twoFactorEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalAccountEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n    }\n  }\n"): (typeof documents)["\n  query PortalAccountEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"): (typeof documents)["\n  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation PortalResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCompleteLogin($input: TotpCodeInput!) {\n    completeLogin(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalCompleteLogin($input: TotpCodeInput!) {\n    completeLogin(input: $input) {\n      accessToken\n      expiresIn\n      mfaRequired\n      user {\n        id\n        role\n        identifier\n        employerId\n        mustChangePassword\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalSignUpRegions {\n    regions {\n      code\n      country\n      name\n    }\n  }\n"): (typeof documents)["\n  query PortalSignUpRegions {\n    regions {\n      code\n      country\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {\n    registerEmployer(input: $input) {\n      id\n      legalName\n      contactEmail\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {\n    registerEmployer(input: $input) {\n      id\n      legalName\n      contactEmail\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;