// The audit output formats: a contract (users' CI scripts name them), kept in a tiny module so the
// command-line wiring can list them without loading the audit itself.

export const FORMATS = ['table', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
