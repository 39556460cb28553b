// `--save`: redacted, private, atomic files whose names never collide within a run.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CollectedDevice } from '../../src/collect/collect-device.js';
import { CollectionSaver, SaveError } from '../../src/collect/save.js';
import { tempDir } from '../helpers.js';

function device(
  host: string,
  contexts: Array<string | null>,
  text = 'hostname x\ntunnel-group T ipsec-attributes\n ikev1 pre-shared-key Sup3rS3cretPSK\n',
): CollectedDevice {
  return {
    host,
    port: 22,
    source: `ssh://${host}`,
    hostKeyFingerprint: 'SHA256:x',
    hostKeyKnownFrom: null,
    showVersion: null,
    mode: contexts[0] === null ? 'single' : 'multiple',
    configs: contexts.map((context) => ({ context, text: Buffer.from(text, 'latin1'), complete: true, incompleteReason: null })),
    contextErrors: [],
    notes: [],
  };
}

describe('CollectionSaver', () => {
  it('gives devices whose names make the same file distinct names, in run order', () => {
    const dir = tempDir();
    const saver = new CollectionSaver(dir, false);
    // `fw/1` and `fw_1` both become `fw_1`; contexts `a b` and `a_b` of one device too.
    const first = saver.save(device('fw/1', [null]));
    const second = saver.save(device('fw_1', [null]));
    const third = saver.save(device('fw-2', ['a b', 'a_b']));
    expect([...first, ...second, ...third].map((f) => f.slice(dir.length + 1))).toEqual(['fw_1.cfg', 'fw_1-2.cfg', 'fw-2_a_b.cfg', 'fw-2_a_b-2.cfg']);
    expect(readdirSync(dir).sort()).toEqual(['fw-2_a_b-2.cfg', 'fw-2_a_b.cfg', 'fw_1-2.cfg', 'fw_1.cfg']);
  });

  it('writes 0600 files with secrets redacted, and leaves no temporary file', () => {
    const dir = tempDir();
    const [file] = new CollectionSaver(dir, false).save(device('fw', [null]));
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(readFileSync(file!, 'latin1')).not.toContain('Sup3rS3cretPSK');
    expect(readdirSync(dir)).toEqual(['fw.cfg']);
  });

  it('refuses a file where the folder should be, before anything is collected', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'saved'), 'x');
    expect(() => new CollectionSaver(join(dir, 'saved'), false)).toThrow(SaveError);
    expect(() => new CollectionSaver(join(dir, 'saved', 'sub'), false)).toThrow(/a parent is not a folder/);
    mkdirSync(join(dir, 'new'));
    expect(() => new CollectionSaver(join(dir, 'new', 'deeper'), false)).not.toThrow();
  });
});
