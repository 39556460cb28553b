// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Deterministic: no timestamps,
// paths relative to the working folder (a file outside it, or a live source, by its absolute URI),
// results in the engine's order.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deviceKeyOf, fingerprint, findingKey } from '../baseline/identity.js';
import type { Severity } from '../engine/types.js';
import { helpUri, incompleteReport, reportPath, type ReportInput } from './report-input.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** GitHub code scanning refuses a run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;

const LEVEL_RANK: Record<'error' | 'warning' | 'note', number> = { error: 0, warning: 1, note: 2 };

/** What the CLI says on stderr about this report (results cut to the code-scanning limit). */
export function notes(input: ReportInput): string[] {
  const total = input.targets.reduce((n, t) => n + t.findings.length, 0);
  return total > SARIF_MAX_RESULTS
    ? [
        `SARIF: ${total} results, more than the ${SARIF_MAX_RESULTS} GitHub code scanning accepts; kept the ${SARIF_MAX_RESULTS} most severe (the run's properties say so)`,
      ]
    : [];
}

export default function renderSarif(input: ReportInput): string {
  const rules = input.rules.map(({ meta: r }) => ({
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.rationale },
    helpUri: helpUri(input.helpUriBase, r.id),
    help: { text: `${r.rationale} See ${helpUri(input.helpUriBase, r.id)}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['asa', 'anyconnect', 'mobile'], basis: r.basis },
  }));
  const ruleIndex = new Map(input.rules.map((r, i) => [r.meta.id, i]));
  // Files that share a hostname (a standby unit's backup, a copy): each result's fingerprint also names
  // its file, so code scanning never merges two files' alerts (baselines keep them apart the same way).
  const devices = input.targets.map((t) => deviceKeyOf({ hostname: t.summary.hostname, source: t.summary.source, context: t.summary.context }));
  const shared = new Set(devices.filter((d, i) => devices.indexOf(d) !== i));
  const all = input.targets.flatMap((t, ti) => {
    const uri = reportPath(t.summary.source, input.cwd);
    const device = { hostname: t.summary.hostname, source: uri, context: t.summary.context };
    const file = shared.has(devices[ti]!) ? uri : undefined;
    return t.findings.map((f) => {
      const logical = [
        ...(f.tunnelGroup ? [{ name: f.tunnelGroup, fullyQualifiedName: `tunnel-group ${f.tunnelGroup}`, kind: 'resource' }] : []),
        ...(f.groupPolicy ? [{ name: f.groupPolicy, fullyQualifiedName: `group-policy ${f.groupPolicy}`, kind: 'resource' }] : []),
      ];
      const physicalLocation = {
        artifactLocation: artifact(f.file !== null ? reportPath(f.file, input.cwd) : uri),
        ...(f.line !== null ? { region: { startLine: f.line } } : {}),
      };
      return {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.fix ? `${f.message}\n\nFix:\n${f.fix}` : f.xmlFix ? `${f.message}\n\nChange in the file:\n${f.xmlFix}` : f.message },
        locations: [{ physicalLocation, ...(logical.length > 0 ? { logicalLocations: logical } : {}) }],
        partialFingerprints: { 'asaMobileAudit/v1': fingerprint(findingKey(f, device), file) },
        properties: {
          tunnelGroup: f.tunnelGroup,
          groupPolicy: f.groupPolicy,
          // The finding's own basis: weaker than its rule's when it rests on a recalled default.
          basis: f.basis,
          ...(t.summary.hostname ? { hostname: t.summary.hostname } : {}),
          // Contexts of one capture share its URI and line numbers: the context tells their results apart.
          ...(t.summary.context !== null ? { context: t.summary.context } : {}),
          ...(f.fix ? { fix: f.fix } : {}),
          ...(f.xmlFix ? { xmlFix: f.xmlFix } : {}),
        },
      };
    });
  });
  // Above the code-scanning limit, keep the most severe results (stable within a level) and say so.
  const results = all.length > SARIF_MAX_RESULTS ? [...all].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]).slice(0, SARIF_MAX_RESULTS) : all;
  const notifications = [
    ...input.inputErrors.map((e) => ({
      level: 'error' as const,
      message: { text: e.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(reportPath(e.file, input.cwd)),
            ...(e.line ? { region: { startLine: e.line } } : {}),
          },
        },
      ],
    })),
    ...input.targets.flatMap((t) => {
      const incomplete = incompleteReport(input, t);
      if (incomplete === null) return [];
      return [
        {
          level: incomplete.level,
          message: { text: incomplete.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifact(reportPath(t.summary.source, input.cwd)),
                ...(incomplete.line ? { region: { startLine: incomplete.line } } : {}),
              },
            },
          ],
        },
      ];
    }),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            semanticVersion: input.tool.version,
            informationUri: input.helpUriBase.replace(/\/docs\/rules\/?$/, ''),
            rules,
          },
        },
        // Not successful where the run exits 2 for its input: unreadable, a file named that is no
        // configuration, or one cut short and not accepted.
        invocations: [
          {
            executionSuccessful:
              input.inputErrors.length === 0 &&
              !(input.skippedFiles ?? []).some((f) => f.named === true) &&
              !input.targets.some((t) => incompleteReport(input, t)?.level === 'error'),
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits',
        ...(results.length < all.length
          ? {
              properties: {
                resultsTruncated: true,
                totalResults: all.length,
                note: `${all.length} results, cut to the ${SARIF_MAX_RESULTS} most severe: GitHub code scanning rejects runs with more. Use --format json for all.`,
              },
            }
          : {}),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * A SARIF artifact location: a path under the working folder is relative to %SRCROOT% (what code
 * scanning matches against the repository); one outside it is an absolute file URI with no base.
 */
function artifact(path: string): { uri: string; uriBaseId?: string } {
  // A live source (`ssh://host:port`) is a URI already.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return { uri: path };
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
