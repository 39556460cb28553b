// Settings that reach phones though no group-policy line moved: the per-app data's content, the file a
// client profile name stands for, and a profile whose policy does not exist. A diff must show each.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDevices } from '../../src/change/diff.js';
import { snapshotParsed } from '../../src/change/snapshot.js';
import { parseConfigText } from '../../src/parse/parse.js';
import { fixture } from '../helpers.js';
import { OPTIONS } from './change-kit.js';

const DEMO = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8');
const snapshot = (text: string) => snapshotParsed(parseConfigText(text, 'demo.cfg'), OPTIONS)[0]!;
const diff = (text: string) => diffDevices(snapshot(DEMO), snapshot(text));

describe('a diff of settings outside the group-policies', () => {
  it('shows an edit of custom data that keeps its length (one app swapped for another)', () => {
    const line = DEMO.split('\n').find((l) => l.startsWith('anyconnect-custom-data perapp '))!;
    const value = line.split(' ').at(-1)!;
    // The same length, one character changed.
    const edited = `${value.slice(0, -2)}${value.at(-2) === 'A' ? 'B' : 'A'}${value.at(-1)}`;
    const d = diff(DEMO.replace(line, line.replace(value, edited)));
    const change = d.device.find((s) => s.setting.startsWith('anyconnect-custom-data perapp '));
    expect(change?.old).toMatch(/^\d+ characters in 2 lines, SHA-256 [0-9a-f]{12}$/);
    expect(change?.new).not.toBe(change?.old);
    expect(change?.new?.replace(/SHA-256 \w+/, '')).toBe(change?.old?.replace(/SHA-256 \w+/, ''));
  });

  it('shows a client profile name re-pointed at another file', () => {
    const d = diff(DEMO.replace('anyconnect profiles MOBILE-PROFILE disk0:/mobile.xml', 'anyconnect profiles MOBILE-PROFILE disk0:/mobile-v2.xml'));
    expect(d.device).toContainEqual(
      expect.objectContaining({ setting: 'anyconnect profiles MOBILE-PROFILE', old: 'disk0:/mobile.xml', new: 'disk0:/mobile-v2.xml' }),
    );
    expect(diff(DEMO).device).toEqual([]);
  });

  it('says a profile names a group-policy the configuration does not define', () => {
    const d = diff(DEMO.replace(' default-group-policy GP-SPLIT', ' default-group-policy GP-SPLT'));
    const p = d.profiles.find((x) => x.tunnelGroup === 'MOBILE-SPLIT')!;
    expect(p.settings.find((s) => s.setting === 'group-policy')).toMatchObject({
      old: 'GP-SPLIT',
      new: 'GP-SPLT (not defined: DfltGrpPolicy and the built-in defaults assumed)',
    });
  });
});
