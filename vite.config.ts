import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
// The dev server forwards /api to a running `gongzhi serve`; GONGZHI_API points it elsewhere.
const apiTarget = process.env.GONGZHI_API ?? 'http://127.0.0.1:3000';

// The web app lives in src/web; the server serves the built files from dist/web on the same
// origin, so the API needs no CORS and the session cookie just works.
export default defineConfig({
  root: `${projectRoot}src/web`,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      // src/web/api/*.ts are source modules served at /api/… too; only the rest goes to the server.
      '^/api/(?!.*\\.tsx?(\\?.*)?$)': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: `${projectRoot}dist/web`,
    emptyOutDir: true,
    // antd alone is larger than the default warning threshold; the split below keeps the
    // app's own code small and lets the vendor chunks stay cached across releases.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd's component packages declare no "sideEffects" in their package.json, so every module
      // they import is kept whether used or not (Input alone would bring the whole form engine).
      // They are plain ES modules of components and hooks with nothing to run on import.
      treeshake: {
        moduleSideEffects: [{ test: /node_modules[\\/](@rc-component|@ant-design)[\\/]/, sideEffects: false }],
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/,
              priority: 30,
            },
          ],
        },
      },
    },
  },
});
