// Everything that can go wrong while collecting from a device, as one error type with a kind. The
// message is written for the person at the terminal and never contains a secret.

export type CollectErrorKind =
  | 'host-key-unknown'
  | 'host-key-mismatch'
  | 'host-key-revoked'
  | 'auth'
  | 'enable'
  | 'unreachable'
  | 'algorithms'
  | 'refused-session'
  | 'timeout'
  | 'dropped'
  | 'device'
  | 'command-refused'
  /** The device went past a limit the auditor sets (output size, authentication rounds). */
  | 'limit';

export class CollectError extends Error {
  constructor(
    readonly kind: CollectErrorKind,
    message: string,
    /** Output received before the failure (a dropped `show running-config`), if any. */
    readonly partial: Buffer | null = null,
  ) {
    super(message);
    this.name = 'CollectError';
  }
}
