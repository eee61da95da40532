import type { Plugin } from 'vite';
import { createDeckPlugin } from './deckPlugin.ts';
import { createOfflinePlugin } from './offlinePlugin.ts';
import { createPhonePagesPlugin } from './phonePagesPlugin.ts';
import { createPollServerPlugin } from './pollServerPlugin.ts';

/** Every Vite plugin of the project, in the order they run. */
export function deckPlugins(): Plugin[] {
  return [createDeckPlugin(), createOfflinePlugin(), createPhonePagesPlugin(), createPollServerPlugin()];
}
