// Builds the web app from web/ into web/dist, which the Fastify server serves. In development
// (`npm run dev`) Vite serves the pages and forwards API calls to the Kith server on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// 127.0.0.1, not localhost: Kith listens on IPv4 by default, and Node may resolve localhost to ::1.
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
    },
  },
});
