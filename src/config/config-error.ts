import { FileError } from '../common/file-error.js';

/** A mistake in the configuration file: reported as `FILE:LINE: message`, exit code 2. */
export class ConfigError extends FileError {
  /** The file's other mistakes, in line order: each is reported on its own line. */
  readonly more: ConfigError[] = [];

  constructor(file: string, line: number | null, message: string) {
    super(file, message, line);
    this.name = 'ConfigError';
  }
}
