import { FileError } from '../common/file-error.js';

/** A baseline file that cannot be read or is not a baseline: `FILE: message`, exit code 2. */
export class BaselineError extends FileError {
  constructor(file: string, message: string) {
    super(file, message);
    this.name = 'BaselineError';
  }
}
