import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into packages/web/dist; the server serves it at '/'. In development, API calls go to the server.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
