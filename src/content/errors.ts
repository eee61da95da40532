/** A mistake in a slide file, pointing at the file and line a trainer has to fix. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ContentError';
  }
}

/** All mistakes found in one pass, so a trainer can fix them in one go. */
export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(
      `${errors.length === 1 ? 'Er staat een fout' : `Er staan ${errors.length} fouten`} in de slidebestanden:\n` +
        errors.map((e) => `  ${e.message}`).join('\n'),
    );
    this.name = 'ContentErrors';
  }
}

/** Collects errors while a file is read; parsing goes on so that every mistake is reported. */
export class ErrorSink {
  readonly errors: ContentError[] = [];
  constructor(readonly file: string) {}
  add(line: number, reason: string): void {
    this.errors.push(new ContentError(this.file, line, reason));
  }
}
