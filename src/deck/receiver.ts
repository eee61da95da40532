/**
 * The speaker view loads the deck twice more, in iframes with `?receiver`. Those copies only mirror
 * the slides: they must not open connections, run polls or show participant QR codes.
 */
export function isSpeakerViewReceiver(location: Pick<Location, 'search'> = window.location): boolean {
  return new URLSearchParams(location.search).has('receiver');
}
