import { graphql } from './gql';

// Selections several pages share, written once. Codegen adds each fragment's definition to every operation that
// spreads it, so a page needs no import of these constants; they are exported for codegen to find them.

/** An order's terms as the employer wrote them: what the order form edits and the order page shows. */
export const ORDER_TERMS = graphql(`
  fragment OrderTerms on JobOrder {
    id
    reference
    status
    statusReason
    title
    iscoCode
    destinationOccupationCode
    positions
    requiredSkills
    preferredSkills
    languages {
      code
      level
    }
    minExperienceYears
    workRegion {
      code
    }
    workCity
    startDate
    durationWeeks
    hourlyWage
    hoursPerWeek
    housingProvided
    housingDescription
    employerPaysRecruitment
    employerPaysTravel
  }
`);

/** What the portal keeps of every answer that starts a session: sign-in, its second factor, a password change. */
export const SESSION_FIELDS = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    expiresIn
    mfaRequired
    user {
      id
      role
      identifier
      employerId
      mustChangePassword
    }
  }
`);
