// Exit codes are a contract with scripts and CI pipelines.
export const ExitCode = {
  /** Nothing at or above the failure threshold. */
  Ok: 0,
  /** Findings at or above the threshold (audit). */
  Findings: 1,
  /** Usage error, unreadable or non-ASA input, or an incomplete configuration. */
  InputError: 2,
  /** A bug in the tool: reported without a stack trace unless ASA_MOBILE_AUDIT_DEBUG is set. */
  InternalError: 3,
} as const;
