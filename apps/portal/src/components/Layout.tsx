import '@mantine/notifications/styles.css';
import { Suspense } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { Alert, AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { apolloClient } from '../apollo';
import { session } from '../session';
import { useSession } from '../use-session';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './PageState';

const NAV = [
  { to: '/', key: 'nav.dashboard' },
  { to: '/orders/new', key: 'nav.newOrder' },
  { to: '/travel', key: 'nav.travel' },
  { to: '/evaluations', key: 'nav.evaluations' },
  { to: '/rehire', key: 'nav.rehire' },
  { to: '/standing', key: 'nav.standing' },
  { to: '/account', key: 'nav.account' },
] as const;

/**
 * The signed-in frame: header with language and sign-out, navigation (a drawer on a phone), the page. It loads
 * after sign-in, with Apollo Client and notifications, which the public pages do without.
 */
export default function Layout() {
  return (
    <ApolloProvider client={apolloClient}>
      <Notifications />
      <Frame />
    </ApolloProvider>
  );
}

function Frame() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const snapshot = useSession();
  const user = snapshot.status === 'signed-in' ? snapshot.user : null;

  const signOut = async () => {
    await session.signOut();
    void navigate('/sign-in', { replace: true });
  };

  // Staff and applicants have no pages here yet, but their account page (a temporary password to change) works.
  const employerPagesOnly = user !== null && user.role !== 'EMPLOYER' && pathname !== '/account';

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={2} size="h3">
              <Link to="/" className="brand">
                Puente
              </Link>
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {/* On a phone, signing out is in the menu: the header has no room for it. */}
            <Button variant="subtle" size="xs" visibleFrom="sm" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {NAV.map((item) => {
          const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.key)}
              active={active}
              aria-current={active ? 'page' : undefined}
              // Filled: white on the primary colour, readable hovered or not (the light variant is not, hovered).
              variant="filled"
              onClick={close}
            />
          );
        })}
        <NavLink component="button" label={t('nav.signOut')} hiddenFrom="sm" onClick={() => void signOut()} />
        {user && (
          <Text size="xs" c="dimmed" mt="auto" p="xs">
            {user.identifier}
          </Text>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        {employerPagesOnly ? (
          <Alert color="yellow" title={t('nav.employersOnlyTitle')}>
            {t('nav.employersOnly')}
          </Alert>
        ) : (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
