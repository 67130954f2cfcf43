import { Suspense } from 'react';
import { Group, Title } from '@mantine/core';
import { Outlet } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './PageState';

/** The frame of the pages before sign-in: a narrow column with the language choice. */
export function PublicLayout() {
  return (
    <div className="public-frame">
      <Group justify="space-between" mb="lg">
        <Title order={1} size="h2">
          Puente
        </Title>
        <LanguageSwitch />
      </Group>
      <main>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
