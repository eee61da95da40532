// How a served page learns that a poll server is there: its `<meta name="poll-server" content="">` gets
// the server's details as JSON. A page served by anything else keeps the empty content: self-study mode.

export interface PollServerMeta {
  /** Base of join links and QR codes, e.g. `http://192.168.1.5:8080`. */
  joinBase: string;
  passwordRequired: boolean;
}

/** The pages of the live deck; other HTML (the self-contained offline deck) stays self-study. */
const LIVE_PAGES: ReadonlySet<string> = new Set(['index.html', 'join.html']);

const META_TAG = /<meta\s+name="poll-server"\s+content="[^"]*"\s*\/?>/;

function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

function fillPollServerMeta(html: string, meta: PollServerMeta): string {
  const content = escapeAttribute(JSON.stringify({ joinBase: meta.joinBase, passwordRequired: meta.passwordRequired }));
  return html.replace(META_TAG, `<meta name="poll-server" content="${content}" />`);
}

/** A page as served: a live page (by its file name) gets the meta tag filled in, other HTML stays. */
export function livePageHtml(page: string, html: string, meta: PollServerMeta): string {
  return LIVE_PAGES.has(page) ? fillPollServerMeta(html, meta) : html;
}
