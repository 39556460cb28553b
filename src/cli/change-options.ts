// Options of `diff`, `what-if` and `plan`, apart from their code so `--help` loads nothing else.

import type { SshCliOptions } from './ssh-audit.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown', 'github', 'html'] as const;
export const PLAN_FORMATS = ['text', 'json', 'markdown', 'script', 'rollback', 'html'] as const;

export interface CommonOptions {
  config?: string;
  output?: string;
  allowIncomplete?: boolean;
  /** html: show when the report was made. */
  timestamp?: boolean;
  /** Where the client profile XML and dap.xml are (as for audit). */
  clientProfiles?: string;
  dap?: string;
}

export interface DiffCliOptions extends CommonOptions {
  git?: string;
  format: (typeof DIFF_FORMATS)[number];
  failOnNew?: string;
  /** Exit 1 when a mobile-facing profile loses a way in (removed, cut off, a protocol less). */
  failOnLostReach?: boolean;
  /** markdown: cut the report to N bytes. */
  maxBytes?: string;
}

export interface WhatIfCliOptions extends CommonOptions, SshCliOptions {
  commands?: string;
  format: (typeof DIFF_FORMATS)[number];
  failOnNew?: string;
  failOnLostReach?: boolean;
  maxBytes?: string;
}

export interface PlanCliOptions extends CommonOptions, SshCliOptions {
  rules?: string;
  severity?: string;
  scope: 'narrow' | 'shared';
  format: (typeof PLAN_FORMATS)[number];
}
