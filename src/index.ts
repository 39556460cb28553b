// The library entry point (package.json `main`): the same stages the CLI uses, for scripts that
// want findings as data rather than reports.

export { analyseFile, analyseBytes, analyseParsed, type AnalysedTarget } from './pipeline.js';
export { auditPaths, auditFileList, auditCollected, auditTarget, type AuditRun, type AuditTarget, type AuditOptions, type ReportedFinding } from './audit.js';
export { explainDevice, explainProfile, evaluateQuery, type IosDnsExplanation } from './explain/ios-dns.js';
export { collectDevice, type CollectedDevice, type CollectOptions } from './collect/collect-device.js';
export { CollectError } from './collect/errors.js';
export { InputError } from './input/load.js';
export { RULES } from '../rules/index.js';
export type { Finding, RuleModule, Severity } from './engine/types.js';
