export * from './lib/applicant.entity';
export * from './lib/applicant-occupation.entity';
export * from './lib/applicant-identifiers';
export * from './lib/applicant.rules';
export * from './lib/applicant.state-machine';
export * from './lib/applicant.service';
export * from './lib/applicants.module';
export * from './lib/applicants-graphql.module';
export { ApplicantStatusEnum, LanguageCodeEnum, LanguageLevelEnum, LanguageSkillInput, LanguageSkillModel } from './lib/graphql/applicant.model';
