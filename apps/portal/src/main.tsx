import './start-session';
import '@mantine/core/styles.css';
import './styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { RouterProvider } from 'react-router';
import { router } from './routes';

// A darker primary than Mantine's default blue, so white text on buttons passes WCAG AA contrast.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, fontFamily: 'system-ui, sans-serif' });
// Mantine's "dimmed" grey (gray.6) and error red (red.6) are near 3:1 on white, under WCAG AA's 4.5:1 for small
// text; gray.7 and red.9 are above it.
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <RouterProvider router={router} />
    </MantineProvider>
  </StrictMode>,
);
