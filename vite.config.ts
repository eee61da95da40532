import { defineConfig } from 'vite';
import { deckPlugins } from './src/vite/index.ts';

export default defineConfig({
  // Relative asset paths: dist/ works under any sub-path of any static host.
  base: './',
  plugins: deckPlugins(),
  build: {
    rolldownOptions: {
      // join.html: a build of its own after this one (src/vite/phonePagesPlugin.ts).
      input: { deck: 'index.html' },
    },
  },
  server: { port: 5173 },
});
