import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentTypeOf } from '../server/contentTypes.ts';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { isDeckBuild } from './phonePagesPlugin.ts';

/** The file `npm run build` writes next to index.html: the whole deck in one file, for self-study from disk. */
export const OFFLINE_FILE = 'workshop-offline.html';

/** The Vite mode of the second, in-memory build that the offline file is made from. */
export const OFFLINE_MODE = 'offline';

/** The files of a build, by their name relative to the output folder. */
export type BuiltFiles = Map<string, string | Uint8Array>;

const text = (source: string | Uint8Array): string =>
  typeof source === 'string' ? source : Buffer.from(source).toString('utf8');

// `</script` or `<!--` inside inline code would end or confuse the script element; `\x3C` is `<` in
// every place such text can stand in JS (strings, template literals, regular expressions, comments).
const inlineScript = (code: string): string => code.replace(/<(?=\/script|!--)/gi, '\\x3C');
const inlineStyle = (css: string): string => css.replace(/<\/style/gi, '<\\/style');

/**
 * Turns a built index.html and its files into one self-contained page: scripts and style sheets
 * inline, every other file a data: URI, and the poll server left empty so polls run as personal
 * reflection. Throws when the page would still need another file.
 */
export function inlineBuild(html: string, files: BuiltFiles): string {
  const lookup = (url: string): [string, string | Uint8Array] | null => {
    const name = url.replace(/^\.?\//, '').replace(/[?#].*$/, '');
    const source = files.get(name);
    return source === undefined ? null : [name, source];
  };
  const missing: string[] = [];
  // Inline code goes in last, so that nothing below ever rewrites inside it.
  const inline: string[] = [];
  const hold = (element: string): string => `<!--offline:inline:${inline.push(element) - 1}-->`;

  let page = html
    // Module scripts: the code itself, as an inline module script (no crossorigin: nothing is fetched).
    .replace(/<script\b([^>]*?)\ssrc="([^"]+)"([^>]*)><\/script>/g, (tag, before: string, src: string, after) => {
      const file = lookup(src);
      if (!file) return tag;
      const attributes = `${before}${after}`.replace(/\s+crossorigin(?:="[^"]*")?/g, '');
      return hold(`<script${attributes}>${inlineScript(text(file[1]))}</script>`);
    })
    // Style sheets: the CSS itself.
    .replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
      const href = /\shref="([^"]+)"/.exec(tag)?.[1] ?? '';
      const file = lookup(href);
      return file ? hold(`<style>${inlineStyle(text(file[1]))}</style>`) : tag;
    })
    // Preloads have nothing left to load.
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>\s*/g, '')
    // Anything else the page points to (an icon, an image): a data: URI.
    .replace(/\s(src|href)="([^"]+)"/g, (attribute, name: string, url: string) => {
      if (/^(?:[a-z]+:|#)/i.test(url)) return attribute;
      const file = lookup(url);
      if (!file) {
        if (/^(?:\.\/|\/)?assets\//.test(url)) missing.push(url);
        return attribute;
      }
      // No space in a data: URI: `text/css;charset=utf-8`.
      const type = contentTypeOf(file[0]).replace(/;\s*/g, ';');
      return ` ${name}="data:${type};base64,${Buffer.from(file[1]).toString('base64')}"`;
    });

  const pollServer = /<meta\s+name="poll-server"[^>]*>/;
  const selfStudy = '<meta name="poll-server" content="" />';
  page = pollServer.test(page)
    ? page.replace(pollServer, () => selfStudy)
    : page.replace(/<meta charset="[^"]*"\s*\/?>/i, (charset) => `${charset}\n    ${selfStudy}`);

  const leftovers = page.match(/<script\b[^>]*\ssrc="[^"]*"|<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? [];
  missing.push(...leftovers);
  page = page.replace(/<!--offline:inline:(\d+)-->/g, (_, k: string) => inline[Number(k)] ?? '');

  // The code must not fetch a file either: every asset it imports is inlined by the offline build.
  for (const [name] of files) {
    if (/\.(?:js|css|json|html)$/.test(name)) continue;
    if (page.includes(name)) missing.push(name);
  }
  if (missing.length > 0) {
    throw new Error(`${OFFLINE_FILE} zou nog andere bestanden nodig hebben: ${[...new Set(missing)].join(', ')}`);
  }
  return page;
}

/** Runs the build again in memory, as one chunk with every asset inlined, and returns its files. */
async function buildInMemory(config: ResolvedConfig): Promise<{ html: string; files: BuiltFiles }> {
  const result = await build({
    configFile: config.configFile,
    root: config.root,
    mode: OFFLINE_MODE,
    logLevel: 'warn',
  });
  const outputs = Array.isArray(result) ? result : [result];
  const files: BuiltFiles = new Map();
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('the offline build returned a watcher, not files');
    for (const item of output.output) files.set(item.fileName, item.type === 'chunk' ? item.code : item.source);
  }
  const chunks = [...files.keys()].filter((name) => name.endsWith('.js'));
  if (chunks.length !== 1) throw new Error(`the offline build made ${chunks.length} scripts instead of one`);
  const html = files.get('index.html');
  if (html === undefined) throw new Error('the offline build made no index.html');
  return { html: text(html), files };
}

/**
 * Writes dist/workshop-offline.html after `npm run build`: one file with the deck's JS and CSS inline
 * that opens from disk (file://) with no network at all. It comes from a second build in memory (mode
 * `offline`) that makes a single chunk (no dynamic imports left to fetch) and inlines every asset as
 * a data: URI; in that build this plugin only adjusts the config.
 */
export function createOfflinePlugin(): Plugin {
  let config: ResolvedConfig;
  let offline = false;
  /** Set once this build has written its files. */
  let outDir: string | null = null;

  return {
    name: 'deck:offline',
    apply: (config, env) => env.command === 'build' && isDeckBuild(config, env),
    enforce: 'post',
    config(userConfig, env) {
      offline = env.mode === OFFLINE_MODE;
      if (!offline) return;
      // Set in place, not merged: the offline page is index.html alone, in one chunk.
      userConfig.build ??= {};
      const options = userConfig.build;
      options.write = false;
      options.emptyOutDir = false;
      options.copyPublicDir = false;
      options.modulePreload = false;
      options.cssCodeSplit = false;
      options.assetsInlineLimit = () => true;
      options.rolldownOptions = {
        ...options.rolldownOptions,
        input: { deck: resolve(userConfig.root ?? process.cwd(), 'index.html') },
        output: { ...(options.rolldownOptions?.output as object | undefined), codeSplitting: false },
      };
    },
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle(outputOptions) {
      if (!offline) outDir = outputOptions.dir ?? resolve(config.root, config.build.outDir);
    },
    // After the bundle is written and closed (a failed build never gets here with an outDir), so the
    // second build is not counted as this build's own time.
    async closeBundle() {
      if (offline || !outDir) return;
      const target = join(outDir, OFFLINE_FILE);
      outDir = null;
      if (!config.configFile) {
        config.logger.warn(`${OFFLINE_FILE} is niet gemaakt: daarvoor is vite.config.ts nodig`);
        return;
      }
      const { html, files } = await buildInMemory(config);
      const page = inlineBuild(html, files);
      writeFileSync(target, page);
      config.logger.info(
        `${OFFLINE_FILE} geschreven (${(Buffer.byteLength(page) / 1024).toFixed(0)} kB, zonder netwerk)`,
      );
    },
  };
}
