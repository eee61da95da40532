import { defineConfig } from 'vite';
import { deckPlugins } from './src/vite/index.ts';

export default defineConfig({
  // Relative asset paths: dist/ works under any sub-path of any static host.
  base: './',
  plugins: deckPlugins(),
  build: {
    rolldownOptions: {
      input: { deck: 'index.html', join: 'join.html' },
    },
  },
  server: { port: 5173 },
});
