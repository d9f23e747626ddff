import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server (packages/server) serves dist/ at `/`; in dev, Vite forwards API calls to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
