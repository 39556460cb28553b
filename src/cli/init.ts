// `asa-mobile-audit init`: a commented starter configuration file.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME } from '../config/config-file.js';
import { RULES } from '../../rules/index.js';
import { ExitCode } from '../common/exit-codes.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export function starterConfig(): string {
  // A rule that picks its severity per finding is listed with all of them: naming one would pin it.
  const ruleLines = RULES.map((r) =>
    r.meta.severities.length > 1
      ? `  # ${r.meta.id}: on  # ${r.meta.severity}, or ${r.meta.severities.filter((x) => x !== r.meta.severity).join(' or ')} by finding; a severity here pins it`
      : `  # ${r.meta.id}: ${r.meta.severity}`,
  ).join('\n');
  return `# asa-mobile-audit configuration. Found by walking up from the working directory, or --config FILE.
# Every key is optional; uncomment an example to use it. \`asa-mobile-audit rules\` lists the rules.

# Turn rules off (off), back on (on), or change their severity (error, warning, info).
rules:
  # homepage-ignored-on-mobile: off
  # idle-timeout-short: warning
  # Default severities:
${ruleLines}

# Which connection profiles (tunnel-groups) to audit, by glob. Default: every mobile-facing profile.
profiles:
  include: []
  # exclude: ["LAB-*", "DefaultRAGroup"]

# Which files to audit when scanning a directory: include globs and .gitignore-style excludes,
# relative to the directory of this file.
files:
  include: []
  exclude:
    # - "archive/"
    # - "*.bak"

# Known findings to accept. Every entry needs a reason; \`until\` (YYYY-MM-DD) makes it expire,
# after which the finding is reported again. \`device\` matches the hostname or the file path (glob).
ignore:
  # - rule: ssl-keepalive-enabled
  #   device: "vpn-*"
  #   profile: PARTNERS
  #   reason: "partner proxy drops idle TLS after 60 s; keepalive needed (CHG-1234)"
  #   until: 2027-06-30

# Exit 1 when a finding is at or above this severity: error, warning, info or never.
# (\`--max-warnings N\` on the command line judges from error instead, as ESLint does; \`--fail-on\` wins.)
failOn: warning
`;
}

export function initCommand(opts: { force?: boolean }, io: CliIo): number {
  const path = join(io.cwd, CONFIG_FILE_NAME);
  if (existsSync(path) && !opts.force) throw new UsageError(`${path} already exists (use --force to overwrite)`);
  writeFileSync(path, starterConfig());
  io.stdout(`wrote ${path}\n`);
  return ExitCode.Ok;
}
