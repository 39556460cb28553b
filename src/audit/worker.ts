// Worker thread of a parallel directory audit: audits one file per message with the same code as the
// main thread and sends back plain data. Rules and filters are rebuilt here from the run settings.

import { parentPort, workerData } from 'node:worker_threads';
import { auditOneFile, type AuditOptions } from './audit.js';
import { configuredRules, profileFilter } from '../config/apply.js';
import { RULES } from '../../rules/index.js';
import type { RuleSetting } from '../config/schema.js';
import type { Evidence } from '../input/load.js';
import type { SideFileOptions } from '../input/side-files.js';

/** What a worker needs to rebuild the run's AuditOptions (functions cannot cross threads). */
export interface WorkerSettings {
  ruleSettings: Record<string, RuleSetting>;
  profiles: string[];
  profileGlobs: { include: string[]; exclude: string[] };
  maxConfigBytes?: number | undefined;
  sideFiles?: SideFileOptions | undefined;
  views?: boolean | undefined;
}

const settings = workerData as WorkerSettings;
const filter = profileFilter({ profiles: settings.profileGlobs } as Parameters<typeof profileFilter>[0]);
const options: AuditOptions = {
  rules: configuredRules(RULES, { rules: settings.ruleSettings } as Parameters<typeof configuredRules>[1]),
  profiles: settings.profiles,
  ...(filter ? { profileFilter: filter } : {}),
  maxConfigBytes: settings.maxConfigBytes,
  sideFiles: settings.sideFiles,
  views: settings.views,
};

parentPort!.on('message', (msg: { index: number; file: string; evidence: Evidence }) => {
  try {
    parentPort!.postMessage({ index: msg.index, outcome: auditOneFile(msg.file, options, msg.evidence) });
  } catch (err) {
    parentPort!.postMessage({ index: msg.index, crash: err instanceof Error ? err.message : String(err) });
  }
});
