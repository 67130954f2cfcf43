import '@mantine/core/styles.css';
import './styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, createTheme } from '@mantine/core';
import { RouterProvider } from 'react-router';
import { router } from './routes';
import { session } from './session';

// A darker primary than Mantine's default blue, so white text on buttons passes WCAG AA contrast.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, fontFamily: 'system-ui, sans-serif' });
// A reload keeps the person signed in: one refresh through the httpOnly cookie, before the first page renders.
void session.refresh();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <RouterProvider router={router} />
    </MantineProvider>
  </StrictMode>,
);
