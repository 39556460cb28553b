// A mistake in a file the user gave the tool (a configuration, the tool's own config file, a baseline,
// an inventory): one line naming the file and, where known, the line, and exit code 2. Each stage
// has its own subclass, so callers can tell them apart, but the CLI reports them all the same way.

export class FileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'FileError';
  }

  /** `FILE: message` or `FILE:LINE: message`, the way compilers name a place. */
  describe(): string {
    return `${this.file}${this.line !== null ? `:${this.line}` : ''}: ${this.message}`;
  }
}
