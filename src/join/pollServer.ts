/**
 * Whether a poll server serves this page: it fills `<meta name="poll-server">`; a static host or a file
 * leaves it empty, and then the page must make no request at all.
 */
export function hasPollServer(doc: Document = document): boolean {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="poll-server"]')?.content ?? '';
  return content.trim() !== '';
}
