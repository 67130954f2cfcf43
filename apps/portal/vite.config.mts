import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The portal's build lands in apps/portal/dist, which the api serves at `/` (one origin: no CORS, and the refresh
// cookie stays SameSite=Strict). `npm run dev:portal` serves the sources with hot reload and forwards the API.
const api = process.env.PUENTE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    // The entry chunk (React, Mantine, the router, i18next) is about 520 kB minified and 160 kB gzipped; what a
    // person downloads is measured by `npm run bench:portal`, against a budget of 200 kB gzipped.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: Number(process.env.PORTAL_DEV_PORT ?? 5173),
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: false } },
  },
});
