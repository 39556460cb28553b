// Command-line wiring: commander parses, commands run, and every failure becomes one line and an
// exit code. No stack trace reaches a user unless ASA_MOBILE_AUDIT_DEBUG is set.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FileError } from '../common/file-error.js';
import { ConfigError } from '../config/config-error.js';
import { ExitCode } from '../common/exit-codes.js';
import type { AuditCliOptions } from './audit.js';
import { FORMATS } from '../report/formats.js';
import { CONFIG_FILE_NAME } from '../config/config-file.js';
import type { ExplainDnsOptions } from './explain-dns.js';
import { DIFF_FORMATS, PLAN_FORMATS, type DiffCliOptions, type PlanCliOptions, type WhatIfCliOptions } from './change-options.js';
import { toolVersion } from './package-info.js';
import { complain, TOOL_NAME, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/**
 * An option that takes one value: given twice it is a usage error, not the last one silently (a
 * `--commands` repeated would apply one script and read as "no change"). `choices`: what it accepts.
 * (One parser per run of the program: buildProgram makes a new one each time.)
 */
/** `--output -` is standard output, as `-` is standard input among the paths (never a file named `-`). */
function dashIsStdout<T extends { output?: string | undefined }>(opts: T): T {
  return opts.output === '-' ? { ...opts, output: undefined } : opts;
}

function once(flag: string, choices?: readonly string[], why = ''): (value: string) => string {
  let seen = false;
  return (value) => {
    // (Not commander's InvalidArgumentError: that would call the second value itself invalid.)
    if (seen) throw new UsageError(`${flag} is given more than once: give it once${why} (run with --help for usage)`);
    if (choices !== undefined && !choices.includes(value)) {
      // `table` is audit's human format; these commands call theirs `text`.
      const human = value === 'table' && choices.includes('text') ? " (the human format here is `text`; `table` is audit's)" : '';
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}${human}.`);
    }
    seen = true;
    return value;
  };
}

/** An option among `choices` that takes one value (see once), with its default. */
function oneChoice(flags: string, description: string, choices: readonly string[], fallback: string, why = ''): Option {
  return new Option(flags, description)
    .choices([...choices])
    .argParser(once(flags.split(' ')[0]!, choices, why))
    .default(fallback);
}

/** What `diff` and `what-if` both take for their report: its format, its gate, where it goes, how long it may be, the configuration file. */
function changeReportOptions(command: Command, name: string): Command {
  return command
    .addOption(oneChoice('--format <format>', 'output format', DIFF_FORMATS, 'text', ` (run ${name} once per format)`))
    .option(
      '--fail-on-new <severity>',
      'exit 1 when the change introduces a finding at or above this severity: error, warning, info (never: off)',
      once('--fail-on-new'),
    )
    .option('--fail-on-lost-reach', 'also exit 1 when a mobile-facing profile loses a way in: removed, cut off, or reachable over one protocol less')
    .option('--output <file>', 'write the report to this file instead of stdout (-: stdout)', once('--output'))
    .option('--max-bytes <n>', "markdown: cut the report to N bytes, summary first (default 65536, a pull-request comment's limit)", once('--max-bytes'))
    .option('--config <file>', 'configuration file (rules, ignores; default: .asa-mobile-audit.yaml found walking up)', once('--config'));
}

/** `--rules a --rules b` reads as `--rules a,b`. */
function commaList(value: string, previous: string | undefined): string {
  return previous === undefined ? value : `${previous},${value}`;
}

// Each command's module is imported when that command runs, so `explain-dns` never pays for the
// audit's reporters and `--help` stays instant.
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command(TOOL_NAME)
    .description('Check a Cisco ASA VPN headend for AnyConnect / Secure Client readiness on mobile devices')
    .version(toolVersion())
    .exitOverride()
    // Commander's own errors (an unknown option or command, a missing or invalid argument) read as
    // every other error does: one line, after the tool's name. Subcommands inherit this.
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text) => {
        complain(
          io,
          `${text
            .trim()
            .replace(/^error: /, '')
            .replace(/\s*\n\s*/g, ' ')
            .replace('(Did you mean', '(did you mean')} (run with --help for usage)`,
        );
      },
    });

  // An empty argument is an unset variable (`audit "$CFG"` in CI), never a path: resolved, it would
  // name the working directory and scan the whole repository.
  program.hook('preAction', (_, command) => {
    const at = command.args.indexOf('');
    if (at !== -1) throw new UsageError(`${command.name()}: argument ${at + 1} is empty (an unset variable?); give a path`);
  });

  program
    .command('explain-dns')
    .description('explain, per connection profile, which DNS queries an iPhone sends through the tunnel and why')
    .argument('<file>', 'saved ASA running-config (raw, RANCID or Oxidized); - reads standard input')
    .option('--tunnel-group <name>', 'only this connection profile')
    .option('--query <hostname>', 'say whether iOS tunnels this DNS query, per profile')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--allow-incomplete', 'exit 0 even when the configuration is truncated or partial')
    .option('--client-profiles <dir>', 'folder with the AnyConnect client profile XML files the config references')
    .option('--dap <file>', 'dap.xml for the DAP records the config defines')
    .action(async (file: string, opts: ExplainDnsOptions) => {
      setExit((await import('./explain-dns.js')).explainDnsCommand(file, opts, io));
    });

  // Repeatable options start undefined (commander would print "(default: [])" in the help) and are
  // made lists when the action runs.
  const collect = (v: string, acc: string[] | undefined): string[] => [...(acc ?? []), v];
  const lists = <T extends object>(opts: T, ...keys: Array<keyof T>): T => ({ ...opts, ...Object.fromEntries(keys.map((k) => [k, opts[k] ?? []])) });
  program
    .command('audit')
    .description('audit ASA configurations for mobile readiness; findings per connection profile with the CLI that fixes them')
    .argument('[paths...]', 'configuration files, directories to scan (configs are recognised by content), or - for standard input')
    .option('--format <format>', `output format, repeatable: ${FORMATS.join(', ')} (default table)`, collect)
    .option('--output <file>', 'write the matching --format (by order) to this file instead of stdout (-: stdout)', collect)
    .option(
      '--fail-on <severity>',
      'exit 1 when a finding is at or above this severity: error, warning, info, never (default warning; error with --max-warnings)',
    )
    .option('--quiet', 'report and judge only errors')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings (as ESLint: without --fail-on, errors fail and up to N warnings pass)')
    .option('--rule <id=severity>', 'override a rule: ID=off|on|info|warning|error (repeatable; wins over the configuration file)', collect)
    .option('--print-config', 'print the configuration a run would use (file + command line) as YAML, and exit')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (also NO_COLOR; FORCE_COLOR forces it)')
    .option('--fail-on-unused-ignores', 'exit 2 when an ignore entry of the configuration file matched no finding')
    .option('--no-error-on-no-config', 'exit 0 when the named files hold no ASA configuration at all (a pre-commit hook on a commit without configs)')
    .option('--max-bytes <n>', 'markdown: cut the report to N bytes, summary first (default 1 MiB, the GitHub step-summary limit)')
    .option('--profile <name>', 'only this connection profile, by its exact name (repeatable; globs: profiles.include in the config file)', collect)
    .option('--allow-incomplete', 'do not exit 2 for truncated or partial configurations')
    .option('--timestamp', 'show when the report was made (html; off by default so reports diff cleanly)')
    .option('--config <file>', 'configuration file (default: .asa-mobile-audit.yaml found walking up from the working directory)')
    .option('--baseline <file>', 'hide findings recorded in this baseline; report only new ones')
    .option('--write-baseline <file>', 'record the current findings as a baseline')
    .option(
      '--client-profiles <dir>',
      'folder with the AnyConnect client profile XML files the configs reference (also read: beside each config, its profiles/ folder, an Oxidized backup)',
    )
    .option('--dap <file>', 'dap.xml for the DAP records the configs define')
    .option('--files-from <file>', 'audit exactly the files listed in FILE (one per line; git-quoted paths are read), or on stdin with -')
    .option('-z, --nul', 'with --files-from: the list is NUL-separated (git diff -z, find -print0)')
    .option('--help-uri-base <url>', 'base URL of the rule docs in SARIF and Markdown links')
    .option('-v, --verbose', 'also list skipped profiles, files and ignored findings, and why')
    .option('--ssh <user@host[:port]>', 'collect the running-config live over SSH (read-only) and audit it; repeatable', collect)
    .option('--inventory <file>', 'audit every device of an inventory (YAML, or a RANCID router.db) over SSH')
    .option('--user <name>', 'SSH user for devices that name none (router.db, inventory without user)')
    .option('--password-env <name>', 'environment variable holding the SSH password (else key, agent, or a prompt on a terminal)')
    .option('--identity <file>', 'SSH private key (asks for its passphrase on a terminal)')
    .option('--enable-password-env <name>', 'environment variable holding the enable password, when the login lands at >')
    .option('--known-hosts <file>', 'known_hosts file to verify host keys against (default ~/.ssh/known_hosts)')
    .option('--accept-new', 'trust and record the host key of a device not yet in known_hosts (a changed key is always refused)')
    .option('--legacy-algorithms', 'also offer the SHA-1 key exchanges and CBC ciphers old ASA releases need')
    .option('--context <name>', 'multiple-context mode: one security context, or all (default all)')
    .option('--save <dir>', 'write the collected configurations to DIR (secrets redacted)')
    .option('--keep-secrets', 'with --save: keep secrets in the saved files')
    .option('--concurrency <n>', 'devices collected at once (one SSH session per device; default 4)')
    .option('--timeout <seconds>', 'give up on a device after this long (default 120)')
    .option('--command-timeout <seconds>', 'longest silence while waiting for a command to answer (default 30)')
    .option('--max-output-mb <n>', 'refuse a device that sends more than this per SSH session (default 256)')
    .option('--max-auth-rounds <n>', 'refuse a device that asks more keyboard-interactive questions than this (default 5)')
    .action(async (paths: string[], opts: AuditCliOptions) => {
      setExit(await (await import('./audit.js')).auditCommand(paths, lists(opts, 'format', 'output', 'rule', 'profile', 'ssh'), io));
    });

  const sshOptions = (c: Command): Command =>
    c
      .option('--ssh <user@host[:port]>', 'collect the running-config live over SSH (read-only) instead of reading a file', collect)
      .option('--user <name>', 'SSH user when --ssh names none')
      .option('--password-env <name>', 'environment variable holding the SSH password (else key, agent, or a prompt on a terminal)')
      .option('--identity <file>', 'SSH private key')
      .option('--enable-password-env <name>', 'environment variable holding the enable password, when the login lands at >')
      .option('--known-hosts <file>', 'known_hosts file to verify host keys against (default ~/.ssh/known_hosts)')
      .option('--accept-new', 'trust and record the host key of a device not yet in known_hosts (a changed key is always refused)')
      .option('--legacy-algorithms', 'also offer the SHA-1 key exchanges and CBC ciphers old ASA releases need')
      .option('--context <name>', 'multiple-context mode: one security context, or all (default all)', once('--context'))
      .option('--timeout <seconds>', 'give up on the device after this long (default 120)')
      .option('--command-timeout <seconds>', 'longest silence while waiting for a command to answer (default 30)')
      .option('--max-output-mb <n>', 'refuse a device that sends more than this per SSH session (default 256)')
      .option('--max-auth-rounds <n>', 'refuse a device that asks more keyboard-interactive questions than this (default 5)');

  changeReportOptions(
    program
      .command('diff')
      .description('what a configuration change does to every connection profile: settings, iOS DNS outcome, findings introduced and resolved')
      .argument('[paths...]', 'OLD NEW (two files, one of them - for standard input, or two directories); with --git, the paths to compare (default all)')
      .option(
        '--git <range>',
        'compare two revisions of the git repository in the working directory: BASE..HEAD, BASE.. or BASE (then HEAD), or BASE...HEAD (from their merge base)',
        once('--git'),
      ),
    'diff',
  )
    .option('--allow-incomplete', 'do not exit 2 for truncated or partial configurations')
    .option('--timestamp', 'show when the report was made (html)')
    .option(
      '--client-profiles <dir>',
      'folder with the client profile XML files (also read beside each config; with --git, a folder of the repository read at each revision)',
      once('--client-profiles'),
    )
    .option('--dap <file>', 'dap.xml for the DAP records the configs define (with --git, a file of the repository)', once('--dap'))
    .action(async (paths: string[], opts: DiffCliOptions) => {
      setExit(await (await import('./change.js')).diffCommand(paths, dashIsStdout(opts), io));
    });

  sshOptions(
    changeReportOptions(
      program
        .command('what-if')
        .description('apply a change script to a saved (or collected) configuration and show what it does to every connection profile')
        .argument('[file]', 'saved ASA running-config; - reads standard input (or use --ssh)')
        .option(
          '--commands <file>',
          'the change script: configuration-mode commands, as you would paste them',
          once('--commands', undefined, ' (to apply two scripts, one after the other, put them in one file)'),
        ),
      'what-if',
    )
      .option('--allow-incomplete', 'simulate on a truncated or partial configuration anyway')
      .option('--timestamp', 'show when the report was made (html)')
      .option('--client-profiles <dir>', 'folder with the client profile XML files (also read beside the config)', once('--client-profiles'))
      .option('--dap <file>', 'dap.xml for the DAP records the config defines', once('--dap')),
  ).action(async (file: string | undefined, opts: WhatIfCliOptions) => {
    setExit(await (await import('./change.js')).whatIfCommand(file, dashIsStdout(lists(opts, 'ssh')), io));
  });

  sshOptions(
    program
      .command('plan')
      .description('one verified remediation script per device, with its rollback: applied and re-audited before it is printed')
      .argument('[paths...]', 'configuration files or directories; - reads standard input (or use --ssh)')
      .option('--rules <ids>', 'fix only these rules (comma-separated ids; repeatable)', commaList)
      .option('--severity <severity>', 'fix only findings at or above this severity: error, warning, info', once('--severity'))
      .addOption(
        oneChoice(
          '--scope <scope>',
          'narrow: never change a profile no finding names; shared: fix shared policies and list who else changes',
          ['narrow', 'shared'],
          'narrow',
        ),
      )
      .addOption(oneChoice('--format <format>', 'output format (script/rollback: only the paste block)', PLAN_FORMATS, 'text', ' (run plan once per format)'))
      .option('--output <file>', 'write the plan to this file instead of stdout (-: stdout)', once('--output'))
      .option('--config <file>', 'configuration file (rules, ignores; default: .asa-mobile-audit.yaml found walking up)', once('--config'))
      .option('--timestamp', 'show when the report was made (html)')
      .option('--client-profiles <dir>', 'folder with the client profile XML files (also read beside each config)', once('--client-profiles'))
      .option('--dap <file>', 'dap.xml for the DAP records the configs define', once('--dap')),
  ).action(async (paths: string[], opts: PlanCliOptions) => {
    setExit(await (await import('./change.js')).planCommand(paths, dashIsStdout(lists(opts, 'ssh')), io));
  });

  program
    .command('init')
    .description(`write a commented starter ${CONFIG_FILE_NAME} in the working directory`)
    .option('--force', 'overwrite an existing file')
    .action(async (opts: { force?: boolean }) => {
      setExit((await import('./init.js')).initCommand(opts, io));
    });

  program
    .command('rules')
    .description('list the rules, or print the documentation of one')
    .argument('[id]', 'rule id')
    .addOption(new Option('--format <format>', 'output format of the list').choices(['table', 'json']).default('table'))
    .action(async (id: string | undefined, opts: { format: 'table' | 'json' }) => {
      setExit(await (await import('./rules-command.js')).rulesCommand(id, opts, io));
    });

  return program;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return handleError(err, io);
  }
}

function handleError(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) {
    // Help and version are successful exits; every other commander error is a usage error.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.Ok;
    return ExitCode.InputError;
  }
  // A mistake in a file the user gave: a configuration, the config file, a baseline, an inventory.
  if (err instanceof FileError) {
    complain(io, err.describe());
    if (err instanceof ConfigError) for (const more of err.more) complain(io, more.describe());
    return ExitCode.InputError;
  }
  if (err instanceof UsageError) {
    complain(io, err.message);
    return ExitCode.InputError;
  }
  complain(io, `internal error: ${err instanceof Error ? err.message : String(err)} (please report this; set ASA_MOBILE_AUDIT_DEBUG=1 for details)`);
  if (io.env.ASA_MOBILE_AUDIT_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return ExitCode.InternalError;
}
