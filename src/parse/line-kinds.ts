// What each physical line of a capture is. Every line gets exactly one kind, so nothing is lost:
// lines that are not commands are kept and counted under their kind.

export const LineKind = {
  Command: 0,
  Blank: 1,
  /** `!` separator or RANCID/Oxidized comment (including commented-out secrets). */
  BangComment: 2,
  /** `: Saved`, `: Written by`, `: Serial Number`, bare `:` — comments written by the ASA. */
  ColonComment: 3,
  /** CLI prompt or echoed command of a hand-captured session (`fw1# show run`, `fw1#`). */
  Prompt: 4,
  /** A line that held nothing but `<--- More --->` pager debris. */
  Pager: 5,
  /** Hex lines and `quit` of a `crypto ca certificate chain` block. */
  CertificateData: 6,
  /** `Cryptochecksum:...` */
  Checksum: 7,
  /** `: end` */
  End: 8,
  /** Oxidized multiple-context separator `----------========== [ CONTEXT ... ] ==========----------`. */
  ContextSeparator: 9,
} as const;

export type LineKindValue = (typeof LineKind)[keyof typeof LineKind];
