import { resolve } from 'node:path';
import { build, type BuildEnvironmentOptions, type ConfigEnv, type Plugin, type ResolvedConfig } from 'vite';

/** The Vite mode of the second build that `npm run build` runs: the phone's pages alone. */
export const PHONE_MODE = 'phone';

/** The pages a phone opens: the join page (the remote control is the console, on the deck page). */
export const PHONE_PAGES = ['join.html'];

/** Whether a plugin of the deck's build belongs in this build: not in the phone pages' own. */
export const isDeckBuild = (_config: unknown, env: ConfigEnv): boolean => env.mode !== PHONE_MODE;

/** How one phone page is built into `outDir` (also by tests/join/budget.test.ts, which weighs it). */
export const phoneBuildOptions = (page: string, outDir: string): BuildEnvironmentOptions => ({
  outDir,
  // The deck's build has just written the folder: add to it, the page as the one entry.
  emptyOutDir: false,
  copyPublicDir: false,
  // One script, nothing to preload; another language's words stay a file of their own.
  modulePreload: false,
  assetsInlineLimit: 0,
  rolldownOptions: { input: page },
});

/**
 * Builds join.html after the deck, in a build of its own (mode `phone`) into the
 * same folder, so the page shares no chunk with the deck: a phone downloads only code it runs,
 * in one script (tests/browser/joinDownload.test.ts counts the bytes).
 */
export function createPhonePagesPlugin(): Plugin {
  let config: ResolvedConfig;
  /** Set once the deck's build has written its files. */
  let written = false;

  return {
    name: 'deck:phone-pages',
    apply: (userConfig, env) => env.command === 'build' && isDeckBuild(userConfig, env),
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle() {
      written = true;
    },
    async closeBundle() {
      if (!written) return;
      written = false;
      if (!config.configFile) {
        config.logger.warn('de telefoonpagina’s zijn niet gebouwd: daarvoor is vite.config.ts nodig');
        return;
      }
      for (const page of PHONE_PAGES) {
        await build({
          configFile: config.configFile,
          root: config.root,
          mode: PHONE_MODE,
          logLevel: config.logLevel,
          build: phoneBuildOptions(page, resolve(config.root, config.build.outDir)),
        });
      }
    },
  };
}
