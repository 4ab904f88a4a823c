import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change rarely and app code often: separate chunks keep the
        // libraries cached across releases.
        codeSplitting: {
          groups: [
            // ECharts only loads with the dashboards (lazy routes): keep it out of the shared vendor chunk.
            // entriesAware: the chart types only some pages use (lines, radar: charts/echarts-extras.ts)
            // get their own chunk instead of riding along with every dashboard page.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 3, entriesAware: true },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 2 },
            // zod-without-eval rides with zod so it runs before any chunk builds a schema (the CSP forbids eval).
            { name: 'vendor', test: /node_modules[\\/]|[\\/]app[\\/]zod-without-eval\.ts$/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/trpc': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
