// The library entry point (package.json `main`): the same stages the CLI uses, for scripts that
// want findings as data rather than reports, and gates that want the CLI's decisions.

export { analyseFile, analyseBytes, analyseParsed, type AnalysedTarget } from './audit/pipeline.js';
export { auditPaths, auditFileList, auditCollected, auditTarget, type AuditOptions } from './audit/audit.js';
export { countBySeverity, type AuditRun, type AuditTarget, type ReportedFinding } from './audit/result.js';
export { gate, exitCodeFor, type FailOn, type GateOptions, type GateResult } from './gate.js';
export { ExitCode } from './common/exit-codes.js';
export { configFor } from './config/config-file.js';
export { configuredRules, profileFilter, fileFilter } from './config/apply.js';
export { FORMATS, formatter, type Format, type Formatter } from './report/formats.js';
export type { ReportInput } from './report/report-input.js';
export { explainDevice, explainProfile, evaluateQuery, type IosDnsExplanation } from './explain/ios-dns.js';
export { collectDevice, type CollectedDevice, type CollectOptions } from './collect/collect-device.js';
export { CollectError } from './collect/errors.js';
export { InputError } from './input/load.js';
export { FileError } from './common/file-error.js';
export { RULES } from '../rules/index.js';
export { createRule, type Finding, type RuleModule, type RuleMeta, type Severity } from './engine/types.js';
