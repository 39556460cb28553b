// Types for sshd-harness.mjs (plain JavaScript so the benchmark can use it too).
export const SSHD: string;
export const INTEROP_USER: string;
export const INTEROP_PASSWORD: string;
export function sshdUnavailable(): string | null;
export function ensureInteropUser(): void;
export function keygen(dir: string, name: string, type?: 'ed25519' | 'rsa' | 'ecdsa'): { private: string; public: string };
export interface EmulatorScenario {
  config: string;
  hostname?: string;
  enablePassword?: string;
  pagerIgnored?: boolean;
  pagerCommandsFail?: boolean;
  pageLines?: number;
  pagerErase?: 'cr' | 'backspaces';
  pageAtOnce?: boolean;
  lineByLine?: boolean;
  showVersion?: string;
  motd?: string;
}
export interface RunningSshd {
  dir: string;
  port: number;
  knownHostsLine: string;
  stderr: () => string;
  stop: () => Promise<void>;
}
export function startSshd(o: {
  scenario: EmulatorScenario;
  options?: string[];
  authorizedKeys?: string[];
  hostKeyType?: 'ed25519' | 'rsa';
}): Promise<RunningSshd>;
