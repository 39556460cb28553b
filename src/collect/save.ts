// `--save DIR`: collected configurations as files a config repository can take, with secrets
// redacted unless --keep-secrets. Bytes other than the redacted values are kept as received.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactLine } from '../parse/redact.js';
import type { CollectedConfig, CollectedDevice } from './collect-device.js';

export function savedFileName(device: CollectedDevice, config: CollectedConfig): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9_.-]/g, '_');
  const port = device.port === 22 ? '' : `_${device.port}`;
  return `${safe(device.host)}${port}${config.context ? `_${safe(config.context)}` : ''}${config.complete ? '' : '.partial'}.cfg`;
}

export function saveCollected(dir: string, device: CollectedDevice, keepSecrets: boolean): string[] {
  mkdirSync(dir, { recursive: true });
  return device.configs.map((config) => {
    const file = join(dir, savedFileName(device, config));
    const text = config.text.toString('latin1');
    const out = keepSecrets ? text : text.split('\n').map(redactLine).join('\n');
    writeFileSync(file, Buffer.from(out, 'latin1'), { mode: keepSecrets ? 0o600 : 0o644 });
    // The mode above applies only to a new file; one saved before must not keep a wider mode.
    if (keepSecrets) chmodSync(file, 0o600);
    return file;
  });
}
