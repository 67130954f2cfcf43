import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { StandingLevel } from '../gql/graphql';

/**
 * What every view of an employer's standing shows: its level and when it was decided. `employerId` is the key the
 * cache files a standing under (apollo.ts), so the standing page and an order's page share one copy.
 */
export const STANDING_LEVEL = graphql(`
  fragment StandingLevelFields on EmployerStanding {
    employerId
    level
    computedAt
  }
`);

/** Each level's colour, from fine to blocked: green, yellow, orange, red. The words say it too, never the colour alone. */
export const STANDING_COLOR: Record<StandingLevel, string> = {
  GOOD: 'green',
  WATCH: 'yellow',
  AT_RISK: 'orange',
  BLOCKED: 'red',
};

/** The level as a badge in its colour, with its name ("Standing: Blocked" when `labelled`). */
export function StandingLevelBadge({ level, labelled = false, size = 'lg' }: { level: StandingLevel; labelled?: boolean; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation('standing');
  const name = t(`level.${level}`);
  return (
    // Dark text on the light tint: every level's colour reads at WCAG AA.
    <Badge color={STANDING_COLOR[level]} variant="light" c="dark.7" size={size}>
      {labelled ? t('badge', { level: name }) : name}
    </Badge>
  );
}
