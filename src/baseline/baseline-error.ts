// A baseline file that cannot be read or is not a baseline: `FILE: message`, exit code 2.

export class BaselineError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'BaselineError';
  }
  describe(): string {
    return `${this.file}: ${this.message}`;
  }
}
