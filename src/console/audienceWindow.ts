// The audience view is the deck page with `?audience`, in a window of its own for the projector. The
// same name each time: pressing S again brings the open window back instead of opening a second one.

export const AUDIENCE_WINDOW = 'deck-audience';

/** The audience view's address: this deck and plan, without the console's own parameters. */
export function audienceUrl(location: Pick<Location, 'pathname' | 'search'>): string {
  const search = new URLSearchParams(location.search);
  for (const own of ['console', 'remote', 'audience']) search.delete(own);
  const rest = search.toString();
  return `${location.pathname}?audience${rest ? `&${rest}` : ''}`;
}

export function openAudienceView(): void {
  const opened = window.open(audienceUrl(window.location), AUDIENCE_WINDOW, 'popup,width=1280,height=720');
  opened?.focus();
}
