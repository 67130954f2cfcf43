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
    "\n  mutation PortalSubmitEvaluation($placementId: ID!, $input: EvaluationInputModel!) {\n    submitEvaluation(placementId: $placementId, input: $input) {\n      evaluationId\n    }\n  }\n": typeof types.PortalSubmitEvaluationDocument,
    "\n  query PortalOwnEmployer {\n    me {\n      id\n      employerId\n    }\n  }\n": typeof types.PortalOwnEmployerDocument,
    "\n  query PortalOrderEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n      statusReason\n      country\n    }\n  }\n": typeof types.PortalOrderEmployerDocument,
    "\n  query PortalNamedRequestRun($id: ID!) {\n    matchingRun(id: $id) {\n      id\n      status\n      failureReason\n    }\n  }\n": typeof types.PortalNamedRequestRunDocument,
    "\n  query PortalNamedOnOrder($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      reference\n      candidates(first: 100) {\n        edges {\n          node {\n            named\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.PortalNamedOnOrderDocument,
    "\n  fragment StandingLevelFields on EmployerStanding {\n    employerId\n    level\n    computedAt\n  }\n": typeof types.StandingLevelFieldsFragmentDoc,
    "\n  fragment OrderTerms on JobOrder {\n    id\n    reference\n    status\n    statusReason\n    title\n    iscoCode\n    destinationOccupationCode\n    positions\n    requiredSkills\n    preferredSkills\n    languages {\n      code\n      level\n    }\n    minExperienceYears\n    workRegion {\n      code\n    }\n    workCity\n    startDate\n    durationWeeks\n    hourlyWage\n    hoursPerWeek\n    housingProvided\n    housingDescription\n    employerPaysRecruitment\n    employerPaysTravel\n  }\n": typeof types.OrderTermsFragmentDoc,
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresIn\n    mfaRequired\n    user {\n      id\n      role\n      identifier\n      employerId\n      mustChangePassword\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  query PortalAccountMe {\n    me {\n      id\n      identifier\n      role\n      employerId\n      mustChangePassword\n      twoFactorEnabled\n    }\n  }\n": typeof types.PortalAccountMeDocument,
    "\n  query PortalAccountEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n    }\n  }\n": typeof types.PortalAccountEmployerDocument,
    "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.PortalChangePasswordDocument,
    "\n  query DashboardOrders($after: String) {\n    jobOrderCounts {\n      status\n      count\n    }\n    jobOrders(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          title\n          status\n          statusReason\n          positions\n          startDate\n          endDate\n          latestMatchingRun {\n            id\n            status\n            candidatesCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DashboardOrdersDocument,
    "\n  query DashboardPlacements {\n    myPlacements(first: 100) {\n      edges {\n        node {\n          placementId\n          evaluationState\n          evaluationClosesOn\n        }\n      }\n    }\n  }\n": typeof types.DashboardPlacementsDocument,
    "\n  query PortalMyPlacements($after: String) {\n    myPlacements(first: 50, after: $after) {\n      edges {\n        node {\n          placementId\n          name\n          jobOrderId\n          jobOrderReference\n          jobOrderTitle\n          status\n          startDate\n          endDate\n          endedOn\n          evaluationState\n          evaluationClosesOn\n          evaluation {\n            overall\n            punctuality\n            quality\n            safety\n            teamwork\n            wouldRehire\n            comments\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PortalMyPlacementsDocument,
    "\n  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": typeof types.PortalRequestPasswordResetDocument,
    "\n  query OrderDetail($id: ID!) {\n    jobOrder(id: $id) {\n      ...OrderTerms\n      destinationOccupationSystem\n      workRegion {\n        name\n      }\n      endDate\n      currency\n      createdAt\n      submittedAt\n      approvedAt\n      latestMatchingRun {\n        id\n        status\n        candidatesCount\n      }\n    }\n    occupations {\n      iscoCode\n      title\n    }\n    skills {\n      code\n      label\n    }\n  }\n": typeof types.OrderDetailDocument,
    "\n  query OrderDetailStanding($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      employerStanding {\n        ...StandingLevelFields\n      }\n    }\n  }\n": typeof types.OrderDetailStandingDocument,
    "\n  mutation OrderDetailSubmit($id: ID!) {\n    submitJobOrder(id: $id) {\n      id\n      status\n      submittedAt\n    }\n  }\n": typeof types.OrderDetailSubmitDocument,
    "\n  query OrderFormVocabulary {\n    occupations {\n      iscoCode\n      title\n      sector\n      nocCodes\n      socCodes\n    }\n    skills {\n      code\n      label\n      occupationCodes\n    }\n    regions {\n      code\n      name\n      country\n    }\n  }\n": typeof types.OrderFormVocabularyDocument,
    "\n  query OrderFormOrder($id: ID!) {\n    jobOrder(id: $id) {\n      ...OrderTerms\n    }\n  }\n": typeof types.OrderFormOrderDocument,
    "\n  mutation OrderFormCreate($input: CreateJobOrderInput!) {\n    createJobOrder(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.OrderFormCreateDocument,
    "\n  mutation OrderFormUpdate($input: UpdateJobOrderInput!) {\n    updateJobOrder(input: $input) {\n      id\n      status\n      statusReason\n    }\n  }\n": typeof types.OrderFormUpdateDocument,
    "\n  mutation OrderFormSubmit($id: ID!) {\n    submitJobOrder(id: $id) {\n      id\n      status\n      submittedAt\n    }\n  }\n": typeof types.OrderFormSubmitDocument,
    "\n  query PortalRehirePool {\n    rehirePool(first: 100) {\n      edges {\n        node {\n          applicantId\n          name\n          status\n          needsPassportRenewal\n          seasons\n          lastSeason\n          lastEmployerName\n          lastOverall\n          lastWouldRehire\n          decidedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PortalRehirePoolDocument,
    "\n  query PortalRehireOrders {\n    open: jobOrders(first: 100, filter: { status: OPEN }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n    submitted: jobOrders(first: 100, filter: { status: SUBMITTED }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n    drafts: jobOrders(first: 100, filter: { status: DRAFT }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n  }\n": typeof types.PortalRehireOrdersDocument,
    "\n  mutation PortalRequestNamedWorkers($input: RequestNamedWorkersInput!) {\n    requestNamedWorkers(input: $input) {\n      jobOrderId\n      applicantIds\n      matchingRunId\n    }\n  }\n": typeof types.PortalRequestNamedWorkersDocument,
    "\n  mutation PortalResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.PortalResetPasswordDocument,
    "\n  query PortalShortlist($id: ID!, $after: String) {\n    jobOrder(id: $id) {\n      id\n      reference\n      title\n      status\n      positions\n      positionsLeft\n      startDate\n      latestMatchingRun {\n        id\n        status\n      }\n      candidates(first: 50, after: $after) {\n        edges {\n          node {\n            rank\n            score\n            status\n            named\n            applicant {\n              reference\n              age\n              gender\n              yearsExperience\n              skills\n              municipality {\n                name\n              }\n              languages {\n                code\n                level\n              }\n            }\n            breakdown {\n              factor\n              points\n              maxPoints\n              explanation\n              code\n              params\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.PortalShortlistDocument,
    "\n  query PortalShortlistSkills {\n    skills {\n      code\n      label\n    }\n  }\n": typeof types.PortalShortlistSkillsDocument,
    "\n  mutation PortalSelectCandidates($input: SelectCandidatesInput!) {\n    selectCandidates(input: $input) {\n      status\n      applicant {\n        reference\n      }\n    }\n  }\n": typeof types.PortalSelectCandidatesDocument,
    "\n  mutation PortalRejectCandidate($input: RejectCandidateInput!) {\n    rejectCandidate(input: $input) {\n      status\n      applicant {\n        reference\n      }\n    }\n  }\n": typeof types.PortalRejectCandidateDocument,
    "\n  mutation PortalLogin($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.PortalLoginDocument,
    "\n  mutation PortalCompleteLogin($input: TotpCodeInput!) {\n    completeLogin(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.PortalCompleteLoginDocument,
    "\n  query PortalSignUpRegions {\n    regions {\n      code\n      country\n      name\n    }\n  }\n": typeof types.PortalSignUpRegionsDocument,
    "\n  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {\n    registerEmployer(input: $input) {\n      id\n      legalName\n      contactEmail\n      status\n    }\n  }\n": typeof types.PortalRegisterEmployerDocument,
    "\n  query PortalStanding($employerId: ID!) {\n    employerStanding(employerId: $employerId) {\n      ...StandingLevelFields\n      policyVersion\n      reasons {\n        code\n        met\n        level\n        message\n      }\n      ratings {\n        ratedPlacements\n        averages {\n          wagesAsAgreed\n          hoursAsAgreed\n          housing\n          treatment\n          safety\n          wouldGoBack\n        }\n      }\n    }\n  }\n": typeof types.PortalStandingDocument,
    "\n  query PortalCasesAgainstUs($after: String) {\n    cases(first: 50, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          categories\n          status\n          finding\n          createdAt\n          decidedAt\n          reporterRole\n          placementId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PortalCasesAgainstUsDocument,
    "\n  query PortalStandingWorkers {\n    myPlacements(first: 100) {\n      edges {\n        node {\n          placementId\n          name\n        }\n      }\n    }\n  }\n": typeof types.PortalStandingWorkersDocument,
    "\n  query PortalTravelContingents($after: String) {\n    contingents(first: 20, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          regionCode\n          status\n          startDate\n          departureDate\n          departedOn\n          arrivedOn\n          members {\n            applicantId\n            name\n            status\n            steps {\n              id\n              kind\n              status\n              dueDate\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PortalTravelContingentsDocument,
    "\n  query PortalTravelRegions {\n    regions {\n      code\n      name\n    }\n  }\n": typeof types.PortalTravelRegionsDocument,
};
const documents: Documents = {
    "\n  mutation PortalSubmitEvaluation($placementId: ID!, $input: EvaluationInputModel!) {\n    submitEvaluation(placementId: $placementId, input: $input) {\n      evaluationId\n    }\n  }\n": types.PortalSubmitEvaluationDocument,
    "\n  query PortalOwnEmployer {\n    me {\n      id\n      employerId\n    }\n  }\n": types.PortalOwnEmployerDocument,
    "\n  query PortalOrderEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n      statusReason\n      country\n    }\n  }\n": types.PortalOrderEmployerDocument,
    "\n  query PortalNamedRequestRun($id: ID!) {\n    matchingRun(id: $id) {\n      id\n      status\n      failureReason\n    }\n  }\n": types.PortalNamedRequestRunDocument,
    "\n  query PortalNamedOnOrder($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      reference\n      candidates(first: 100) {\n        edges {\n          node {\n            named\n            status\n          }\n        }\n      }\n    }\n  }\n": types.PortalNamedOnOrderDocument,
    "\n  fragment StandingLevelFields on EmployerStanding {\n    employerId\n    level\n    computedAt\n  }\n": types.StandingLevelFieldsFragmentDoc,
    "\n  fragment OrderTerms on JobOrder {\n    id\n    reference\n    status\n    statusReason\n    title\n    iscoCode\n    destinationOccupationCode\n    positions\n    requiredSkills\n    preferredSkills\n    languages {\n      code\n      level\n    }\n    minExperienceYears\n    workRegion {\n      code\n    }\n    workCity\n    startDate\n    durationWeeks\n    hourlyWage\n    hoursPerWeek\n    housingProvided\n    housingDescription\n    employerPaysRecruitment\n    employerPaysTravel\n  }\n": types.OrderTermsFragmentDoc,
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresIn\n    mfaRequired\n    user {\n      id\n      role\n      identifier\n      employerId\n      mustChangePassword\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  query PortalAccountMe {\n    me {\n      id\n      identifier\n      role\n      employerId\n      mustChangePassword\n      twoFactorEnabled\n    }\n  }\n": types.PortalAccountMeDocument,
    "\n  query PortalAccountEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n    }\n  }\n": types.PortalAccountEmployerDocument,
    "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.PortalChangePasswordDocument,
    "\n  query DashboardOrders($after: String) {\n    jobOrderCounts {\n      status\n      count\n    }\n    jobOrders(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          title\n          status\n          statusReason\n          positions\n          startDate\n          endDate\n          latestMatchingRun {\n            id\n            status\n            candidatesCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DashboardOrdersDocument,
    "\n  query DashboardPlacements {\n    myPlacements(first: 100) {\n      edges {\n        node {\n          placementId\n          evaluationState\n          evaluationClosesOn\n        }\n      }\n    }\n  }\n": types.DashboardPlacementsDocument,
    "\n  query PortalMyPlacements($after: String) {\n    myPlacements(first: 50, after: $after) {\n      edges {\n        node {\n          placementId\n          name\n          jobOrderId\n          jobOrderReference\n          jobOrderTitle\n          status\n          startDate\n          endDate\n          endedOn\n          evaluationState\n          evaluationClosesOn\n          evaluation {\n            overall\n            punctuality\n            quality\n            safety\n            teamwork\n            wouldRehire\n            comments\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PortalMyPlacementsDocument,
    "\n  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": types.PortalRequestPasswordResetDocument,
    "\n  query OrderDetail($id: ID!) {\n    jobOrder(id: $id) {\n      ...OrderTerms\n      destinationOccupationSystem\n      workRegion {\n        name\n      }\n      endDate\n      currency\n      createdAt\n      submittedAt\n      approvedAt\n      latestMatchingRun {\n        id\n        status\n        candidatesCount\n      }\n    }\n    occupations {\n      iscoCode\n      title\n    }\n    skills {\n      code\n      label\n    }\n  }\n": types.OrderDetailDocument,
    "\n  query OrderDetailStanding($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      employerStanding {\n        ...StandingLevelFields\n      }\n    }\n  }\n": types.OrderDetailStandingDocument,
    "\n  mutation OrderDetailSubmit($id: ID!) {\n    submitJobOrder(id: $id) {\n      id\n      status\n      submittedAt\n    }\n  }\n": types.OrderDetailSubmitDocument,
    "\n  query OrderFormVocabulary {\n    occupations {\n      iscoCode\n      title\n      sector\n      nocCodes\n      socCodes\n    }\n    skills {\n      code\n      label\n      occupationCodes\n    }\n    regions {\n      code\n      name\n      country\n    }\n  }\n": types.OrderFormVocabularyDocument,
    "\n  query OrderFormOrder($id: ID!) {\n    jobOrder(id: $id) {\n      ...OrderTerms\n    }\n  }\n": types.OrderFormOrderDocument,
    "\n  mutation OrderFormCreate($input: CreateJobOrderInput!) {\n    createJobOrder(input: $input) {\n      id\n      status\n    }\n  }\n": types.OrderFormCreateDocument,
    "\n  mutation OrderFormUpdate($input: UpdateJobOrderInput!) {\n    updateJobOrder(input: $input) {\n      id\n      status\n      statusReason\n    }\n  }\n": types.OrderFormUpdateDocument,
    "\n  mutation OrderFormSubmit($id: ID!) {\n    submitJobOrder(id: $id) {\n      id\n      status\n      submittedAt\n    }\n  }\n": types.OrderFormSubmitDocument,
    "\n  query PortalRehirePool {\n    rehirePool(first: 100) {\n      edges {\n        node {\n          applicantId\n          name\n          status\n          needsPassportRenewal\n          seasons\n          lastSeason\n          lastEmployerName\n          lastOverall\n          lastWouldRehire\n          decidedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.PortalRehirePoolDocument,
    "\n  query PortalRehireOrders {\n    open: jobOrders(first: 100, filter: { status: OPEN }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n    submitted: jobOrders(first: 100, filter: { status: SUBMITTED }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n    drafts: jobOrders(first: 100, filter: { status: DRAFT }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n  }\n": types.PortalRehireOrdersDocument,
    "\n  mutation PortalRequestNamedWorkers($input: RequestNamedWorkersInput!) {\n    requestNamedWorkers(input: $input) {\n      jobOrderId\n      applicantIds\n      matchingRunId\n    }\n  }\n": types.PortalRequestNamedWorkersDocument,
    "\n  mutation PortalResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.PortalResetPasswordDocument,
    "\n  query PortalShortlist($id: ID!, $after: String) {\n    jobOrder(id: $id) {\n      id\n      reference\n      title\n      status\n      positions\n      positionsLeft\n      startDate\n      latestMatchingRun {\n        id\n        status\n      }\n      candidates(first: 50, after: $after) {\n        edges {\n          node {\n            rank\n            score\n            status\n            named\n            applicant {\n              reference\n              age\n              gender\n              yearsExperience\n              skills\n              municipality {\n                name\n              }\n              languages {\n                code\n                level\n              }\n            }\n            breakdown {\n              factor\n              points\n              maxPoints\n              explanation\n              code\n              params\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.PortalShortlistDocument,
    "\n  query PortalShortlistSkills {\n    skills {\n      code\n      label\n    }\n  }\n": types.PortalShortlistSkillsDocument,
    "\n  mutation PortalSelectCandidates($input: SelectCandidatesInput!) {\n    selectCandidates(input: $input) {\n      status\n      applicant {\n        reference\n      }\n    }\n  }\n": types.PortalSelectCandidatesDocument,
    "\n  mutation PortalRejectCandidate($input: RejectCandidateInput!) {\n    rejectCandidate(input: $input) {\n      status\n      applicant {\n        reference\n      }\n    }\n  }\n": types.PortalRejectCandidateDocument,
    "\n  mutation PortalLogin($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.PortalLoginDocument,
    "\n  mutation PortalCompleteLogin($input: TotpCodeInput!) {\n    completeLogin(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.PortalCompleteLoginDocument,
    "\n  query PortalSignUpRegions {\n    regions {\n      code\n      country\n      name\n    }\n  }\n": types.PortalSignUpRegionsDocument,
    "\n  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {\n    registerEmployer(input: $input) {\n      id\n      legalName\n      contactEmail\n      status\n    }\n  }\n": types.PortalRegisterEmployerDocument,
    "\n  query PortalStanding($employerId: ID!) {\n    employerStanding(employerId: $employerId) {\n      ...StandingLevelFields\n      policyVersion\n      reasons {\n        code\n        met\n        level\n        message\n      }\n      ratings {\n        ratedPlacements\n        averages {\n          wagesAsAgreed\n          hoursAsAgreed\n          housing\n          treatment\n          safety\n          wouldGoBack\n        }\n      }\n    }\n  }\n": types.PortalStandingDocument,
    "\n  query PortalCasesAgainstUs($after: String) {\n    cases(first: 50, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          categories\n          status\n          finding\n          createdAt\n          decidedAt\n          reporterRole\n          placementId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PortalCasesAgainstUsDocument,
    "\n  query PortalStandingWorkers {\n    myPlacements(first: 100) {\n      edges {\n        node {\n          placementId\n          name\n        }\n      }\n    }\n  }\n": types.PortalStandingWorkersDocument,
    "\n  query PortalTravelContingents($after: String) {\n    contingents(first: 20, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          regionCode\n          status\n          startDate\n          departureDate\n          departedOn\n          arrivedOn\n          members {\n            applicantId\n            name\n            status\n            steps {\n              id\n              kind\n              status\n              dueDate\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PortalTravelContingentsDocument,
    "\n  query PortalTravelRegions {\n    regions {\n      code\n      name\n    }\n  }\n": types.PortalTravelRegionsDocument,
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
export function graphql(source: "\n  mutation PortalSubmitEvaluation($placementId: ID!, $input: EvaluationInputModel!) {\n    submitEvaluation(placementId: $placementId, input: $input) {\n      evaluationId\n    }\n  }\n"): (typeof documents)["\n  mutation PortalSubmitEvaluation($placementId: ID!, $input: EvaluationInputModel!) {\n    submitEvaluation(placementId: $placementId, input: $input) {\n      evaluationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalOwnEmployer {\n    me {\n      id\n      employerId\n    }\n  }\n"): (typeof documents)["\n  query PortalOwnEmployer {\n    me {\n      id\n      employerId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalOrderEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n      statusReason\n      country\n    }\n  }\n"): (typeof documents)["\n  query PortalOrderEmployer($id: ID!) {\n    employer(id: $id) {\n      id\n      legalName\n      tradeName\n      status\n      statusReason\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalNamedRequestRun($id: ID!) {\n    matchingRun(id: $id) {\n      id\n      status\n      failureReason\n    }\n  }\n"): (typeof documents)["\n  query PortalNamedRequestRun($id: ID!) {\n    matchingRun(id: $id) {\n      id\n      status\n      failureReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalNamedOnOrder($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      reference\n      candidates(first: 100) {\n        edges {\n          node {\n            named\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalNamedOnOrder($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      reference\n      candidates(first: 100) {\n        edges {\n          node {\n            named\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StandingLevelFields on EmployerStanding {\n    employerId\n    level\n    computedAt\n  }\n"): (typeof documents)["\n  fragment StandingLevelFields on EmployerStanding {\n    employerId\n    level\n    computedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderTerms on JobOrder {\n    id\n    reference\n    status\n    statusReason\n    title\n    iscoCode\n    destinationOccupationCode\n    positions\n    requiredSkills\n    preferredSkills\n    languages {\n      code\n      level\n    }\n    minExperienceYears\n    workRegion {\n      code\n    }\n    workCity\n    startDate\n    durationWeeks\n    hourlyWage\n    hoursPerWeek\n    housingProvided\n    housingDescription\n    employerPaysRecruitment\n    employerPaysTravel\n  }\n"): (typeof documents)["\n  fragment OrderTerms on JobOrder {\n    id\n    reference\n    status\n    statusReason\n    title\n    iscoCode\n    destinationOccupationCode\n    positions\n    requiredSkills\n    preferredSkills\n    languages {\n      code\n      level\n    }\n    minExperienceYears\n    workRegion {\n      code\n    }\n    workCity\n    startDate\n    durationWeeks\n    hourlyWage\n    hoursPerWeek\n    housingProvided\n    housingDescription\n    employerPaysRecruitment\n    employerPaysTravel\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresIn\n    mfaRequired\n    user {\n      id\n      role\n      identifier\n      employerId\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    accessToken\n    expiresIn\n    mfaRequired\n    user {\n      id\n      role\n      identifier\n      employerId\n      mustChangePassword\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOrders($after: String) {\n    jobOrderCounts {\n      status\n      count\n    }\n    jobOrders(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          title\n          status\n          statusReason\n          positions\n          startDate\n          endDate\n          latestMatchingRun {\n            id\n            status\n            candidatesCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardOrders($after: String) {\n    jobOrderCounts {\n      status\n      count\n    }\n    jobOrders(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          title\n          status\n          statusReason\n          positions\n          startDate\n          endDate\n          latestMatchingRun {\n            id\n            status\n            candidatesCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardPlacements {\n    myPlacements(first: 100) {\n      edges {\n        node {\n          placementId\n          evaluationState\n          evaluationClosesOn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardPlacements {\n    myPlacements(first: 100) {\n      edges {\n        node {\n          placementId\n          evaluationState\n          evaluationClosesOn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMyPlacements($after: String) {\n    myPlacements(first: 50, after: $after) {\n      edges {\n        node {\n          placementId\n          name\n          jobOrderId\n          jobOrderReference\n          jobOrderTitle\n          status\n          startDate\n          endDate\n          endedOn\n          evaluationState\n          evaluationClosesOn\n          evaluation {\n            overall\n            punctuality\n            quality\n            safety\n            teamwork\n            wouldRehire\n            comments\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMyPlacements($after: String) {\n    myPlacements(first: 50, after: $after) {\n      edges {\n        node {\n          placementId\n          name\n          jobOrderId\n          jobOrderReference\n          jobOrderTitle\n          status\n          startDate\n          endDate\n          endedOn\n          evaluationState\n          evaluationClosesOn\n          evaluation {\n            overall\n            punctuality\n            quality\n            safety\n            teamwork\n            wouldRehire\n            comments\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"): (typeof documents)["\n  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderDetail($id: ID!) {\n    jobOrder(id: $id) {\n      ...OrderTerms\n      destinationOccupationSystem\n      workRegion {\n        name\n      }\n      endDate\n      currency\n      createdAt\n      submittedAt\n      approvedAt\n      latestMatchingRun {\n        id\n        status\n        candidatesCount\n      }\n    }\n    occupations {\n      iscoCode\n      title\n    }\n    skills {\n      code\n      label\n    }\n  }\n"): (typeof documents)["\n  query OrderDetail($id: ID!) {\n    jobOrder(id: $id) {\n      ...OrderTerms\n      destinationOccupationSystem\n      workRegion {\n        name\n      }\n      endDate\n      currency\n      createdAt\n      submittedAt\n      approvedAt\n      latestMatchingRun {\n        id\n        status\n        candidatesCount\n      }\n    }\n    occupations {\n      iscoCode\n      title\n    }\n    skills {\n      code\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderDetailStanding($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      employerStanding {\n        ...StandingLevelFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderDetailStanding($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      employerStanding {\n        ...StandingLevelFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderDetailSubmit($id: ID!) {\n    submitJobOrder(id: $id) {\n      id\n      status\n      submittedAt\n    }\n  }\n"): (typeof documents)["\n  mutation OrderDetailSubmit($id: ID!) {\n    submitJobOrder(id: $id) {\n      id\n      status\n      submittedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderFormVocabulary {\n    occupations {\n      iscoCode\n      title\n      sector\n      nocCodes\n      socCodes\n    }\n    skills {\n      code\n      label\n      occupationCodes\n    }\n    regions {\n      code\n      name\n      country\n    }\n  }\n"): (typeof documents)["\n  query OrderFormVocabulary {\n    occupations {\n      iscoCode\n      title\n      sector\n      nocCodes\n      socCodes\n    }\n    skills {\n      code\n      label\n      occupationCodes\n    }\n    regions {\n      code\n      name\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderFormOrder($id: ID!) {\n    jobOrder(id: $id) {\n      ...OrderTerms\n    }\n  }\n"): (typeof documents)["\n  query OrderFormOrder($id: ID!) {\n    jobOrder(id: $id) {\n      ...OrderTerms\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderFormCreate($input: CreateJobOrderInput!) {\n    createJobOrder(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation OrderFormCreate($input: CreateJobOrderInput!) {\n    createJobOrder(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderFormUpdate($input: UpdateJobOrderInput!) {\n    updateJobOrder(input: $input) {\n      id\n      status\n      statusReason\n    }\n  }\n"): (typeof documents)["\n  mutation OrderFormUpdate($input: UpdateJobOrderInput!) {\n    updateJobOrder(input: $input) {\n      id\n      status\n      statusReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderFormSubmit($id: ID!) {\n    submitJobOrder(id: $id) {\n      id\n      status\n      submittedAt\n    }\n  }\n"): (typeof documents)["\n  mutation OrderFormSubmit($id: ID!) {\n    submitJobOrder(id: $id) {\n      id\n      status\n      submittedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRehirePool {\n    rehirePool(first: 100) {\n      edges {\n        node {\n          applicantId\n          name\n          status\n          needsPassportRenewal\n          seasons\n          lastSeason\n          lastEmployerName\n          lastOverall\n          lastWouldRehire\n          decidedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalRehirePool {\n    rehirePool(first: 100) {\n      edges {\n        node {\n          applicantId\n          name\n          status\n          needsPassportRenewal\n          seasons\n          lastSeason\n          lastEmployerName\n          lastOverall\n          lastWouldRehire\n          decidedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRehireOrders {\n    open: jobOrders(first: 100, filter: { status: OPEN }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n    submitted: jobOrders(first: 100, filter: { status: SUBMITTED }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n    drafts: jobOrders(first: 100, filter: { status: DRAFT }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalRehireOrders {\n    open: jobOrders(first: 100, filter: { status: OPEN }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n    submitted: jobOrders(first: 100, filter: { status: SUBMITTED }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n    drafts: jobOrders(first: 100, filter: { status: DRAFT }) {\n      edges {\n        node {\n          id\n          reference\n          title\n          positions\n          startDate\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRequestNamedWorkers($input: RequestNamedWorkersInput!) {\n    requestNamedWorkers(input: $input) {\n      jobOrderId\n      applicantIds\n      matchingRunId\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRequestNamedWorkers($input: RequestNamedWorkersInput!) {\n    requestNamedWorkers(input: $input) {\n      jobOrderId\n      applicantIds\n      matchingRunId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation PortalResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalShortlist($id: ID!, $after: String) {\n    jobOrder(id: $id) {\n      id\n      reference\n      title\n      status\n      positions\n      positionsLeft\n      startDate\n      latestMatchingRun {\n        id\n        status\n      }\n      candidates(first: 50, after: $after) {\n        edges {\n          node {\n            rank\n            score\n            status\n            named\n            applicant {\n              reference\n              age\n              gender\n              yearsExperience\n              skills\n              municipality {\n                name\n              }\n              languages {\n                code\n                level\n              }\n            }\n            breakdown {\n              factor\n              points\n              maxPoints\n              explanation\n              code\n              params\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalShortlist($id: ID!, $after: String) {\n    jobOrder(id: $id) {\n      id\n      reference\n      title\n      status\n      positions\n      positionsLeft\n      startDate\n      latestMatchingRun {\n        id\n        status\n      }\n      candidates(first: 50, after: $after) {\n        edges {\n          node {\n            rank\n            score\n            status\n            named\n            applicant {\n              reference\n              age\n              gender\n              yearsExperience\n              skills\n              municipality {\n                name\n              }\n              languages {\n                code\n                level\n              }\n            }\n            breakdown {\n              factor\n              points\n              maxPoints\n              explanation\n              code\n              params\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalShortlistSkills {\n    skills {\n      code\n      label\n    }\n  }\n"): (typeof documents)["\n  query PortalShortlistSkills {\n    skills {\n      code\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSelectCandidates($input: SelectCandidatesInput!) {\n    selectCandidates(input: $input) {\n      status\n      applicant {\n        reference\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalSelectCandidates($input: SelectCandidatesInput!) {\n    selectCandidates(input: $input) {\n      status\n      applicant {\n        reference\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRejectCandidate($input: RejectCandidateInput!) {\n    rejectCandidate(input: $input) {\n      status\n      applicant {\n        reference\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRejectCandidate($input: RejectCandidateInput!) {\n    rejectCandidate(input: $input) {\n      status\n      applicant {\n        reference\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalLogin($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalLogin($input: LoginInput!) {\n    login(input: $input) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCompleteLogin($input: TotpCodeInput!) {\n    completeLogin(input: $input) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalCompleteLogin($input: TotpCodeInput!) {\n    completeLogin(input: $input) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalSignUpRegions {\n    regions {\n      code\n      country\n      name\n    }\n  }\n"): (typeof documents)["\n  query PortalSignUpRegions {\n    regions {\n      code\n      country\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {\n    registerEmployer(input: $input) {\n      id\n      legalName\n      contactEmail\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {\n    registerEmployer(input: $input) {\n      id\n      legalName\n      contactEmail\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStanding($employerId: ID!) {\n    employerStanding(employerId: $employerId) {\n      ...StandingLevelFields\n      policyVersion\n      reasons {\n        code\n        met\n        level\n        message\n      }\n      ratings {\n        ratedPlacements\n        averages {\n          wagesAsAgreed\n          hoursAsAgreed\n          housing\n          treatment\n          safety\n          wouldGoBack\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalStanding($employerId: ID!) {\n    employerStanding(employerId: $employerId) {\n      ...StandingLevelFields\n      policyVersion\n      reasons {\n        code\n        met\n        level\n        message\n      }\n      ratings {\n        ratedPlacements\n        averages {\n          wagesAsAgreed\n          hoursAsAgreed\n          housing\n          treatment\n          safety\n          wouldGoBack\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalCasesAgainstUs($after: String) {\n    cases(first: 50, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          categories\n          status\n          finding\n          createdAt\n          decidedAt\n          reporterRole\n          placementId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalCasesAgainstUs($after: String) {\n    cases(first: 50, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          categories\n          status\n          finding\n          createdAt\n          decidedAt\n          reporterRole\n          placementId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStandingWorkers {\n    myPlacements(first: 100) {\n      edges {\n        node {\n          placementId\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalStandingWorkers {\n    myPlacements(first: 100) {\n      edges {\n        node {\n          placementId\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTravelContingents($after: String) {\n    contingents(first: 20, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          regionCode\n          status\n          startDate\n          departureDate\n          departedOn\n          arrivedOn\n          members {\n            applicantId\n            name\n            status\n            steps {\n              id\n              kind\n              status\n              dueDate\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalTravelContingents($after: String) {\n    contingents(first: 20, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          regionCode\n          status\n          startDate\n          departureDate\n          departedOn\n          arrivedOn\n          members {\n            applicantId\n            name\n            status\n            steps {\n              id\n              kind\n              status\n              dueDate\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTravelRegions {\n    regions {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query PortalTravelRegions {\n    regions {\n      code\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;