// Builds the browser app (src/web) to src/web/dist, which each node serves at `/` to its own side.
// `npm run web:dev` serves it with hot reload against a running node (PARLEY_NODE, default Washington
// of the demo), proxying the API and its WebSocket.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const node = process.env.PARLEY_NODE ?? 'http://127.0.0.1:8401';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/v1': { target: node, ws: true } } },
});
