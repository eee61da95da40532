// The sentences around the numbers on a poll slide, in Dutch, with singular and plural.

export function connectedText(participants: number): string {
  if (participants === 0) return 'Nog niemand verbonden';
  return participants === 1 ? '1 persoon verbonden' : `${participants} mensen verbonden`;
}

/** `12 van 30 hebben geantwoord`. People who answered and then left can make voters exceed participants. */
export function answeredText(voters: number, participants: number): string {
  if (voters === 0) return 'Nog niemand heeft geantwoord';
  const verb = voters === 1 ? 'heeft' : 'hebben';
  return voters <= participants ? `${voters} van ${participants} ${verb} geantwoord` : `${voters} ${verb} geantwoord`;
}
