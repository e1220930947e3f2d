import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The browser app. `vite build` writes dist/web, which the API serves at its own origin; in
// development `vite` proxies /graphql to the API on PORT (3000).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // One CSS file and a few chunks: the app is small; hashed names cache forever.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/graphql': `http://localhost:${process.env.PORT ?? 3000}` },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    css: false,
  },
});
