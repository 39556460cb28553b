// Command-line wiring: commander parses, commands run, and every failure becomes one line and an
// exit code. No stack trace reaches a user unless ASA_MOBILE_AUDIT_DEBUG is set.

import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../input/load.js';
import { ExitCode } from './exit-codes.js';
import { explainDnsCommand, type ExplainDnsOptions } from './explain-dns.js';
import { complain, TOOL_NAME, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** The package version, read from package.json whether running from src/ (tests) or dist/src/. */
export function toolVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === TOOL_NAME && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command(TOOL_NAME)
    .description('Check a Cisco ASA VPN headend for AnyConnect / Secure Client readiness on mobile devices')
    .version(toolVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('explain-dns')
    .description('explain, per connection profile, which DNS queries an iPhone sends through the tunnel and why')
    .argument('<file>', 'saved ASA running-config (raw, RANCID or Oxidized)')
    .option('--tunnel-group <name>', 'only this connection profile')
    .option('--query <hostname>', 'say whether iOS tunnels this DNS query, per profile')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--allow-incomplete', 'exit 0 even when the configuration is truncated or partial')
    .action((file: string, opts: ExplainDnsOptions) => setExit(explainDnsCommand(file, opts, io)));

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
  if (err instanceof InputError) {
    complain(io, err.describe());
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
