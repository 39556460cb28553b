import { describe, expect, it } from 'vitest';
import { collapseCarriageReturns, decodeConfigBytes, looksBinary } from '../../src/parse/decode.js';

describe('decodeConfigBytes', () => {
  it('counts LF-terminated lines and an unterminated last line', () => {
    const d = decodeConfigBytes(Buffer.from('a\nb\nc'));
    expect(d.lines).toEqual(['a', 'b', 'c']);
    expect(d.endings).toEqual({ lf: 2, crlf: 0, none: 1 });
    expect(decodeConfigBytes(Buffer.from('a\nb\n')).lines).toEqual(['a', 'b']);
  });

  it('strips CRLF and reports mixed endings', () => {
    const d = decodeConfigBytes(Buffer.from('one\r\ntwo\nthree\r\n'));
    expect(d.lines).toEqual(['one', 'two', 'three']);
    expect(d.endings).toEqual({ lf: 1, crlf: 2, none: 0 });
  });

  // A robustness trial: CR-only line ends were read as overstrikes, leaving the file's last line alone.
  it('reads a file with carriage returns and no line feed as CR-ended lines; a lone CR is still an overstrike', () => {
    const d = decodeConfigBytes(Buffer.from('ASA Version 9.16(4)\rhostname fw\r: end\r'));
    expect(d.lines).toEqual(['ASA Version 9.16(4)', 'hostname fw', ': end']);
    // A final line feed as an editor adds it, after several CR-ended lines.
    expect(decodeConfigBytes(Buffer.from('ASA Version 9.16(4)\rhostname fw\rnames\r: end\n')).lines).toEqual([
      'ASA Version 9.16(4)',
      'hostname fw',
      'names',
      ': end',
    ]);
    expect(decodeConfigBytes(Buffer.from('<--- More --->\r              \rhostname fw\n')).lines).toEqual(['hostname fw']);
  });

  // The property test's counterexample [0x0d, 0x80, 0x0d]: a file that is not UTF-8 as a whole took
  // the per-line path, which split on line feeds only.
  it('reads CR-ended lines the same way when a line is not UTF-8 (Windows-1252)', () => {
    expect(decodeConfigBytes(Uint8Array.from([0x0d, 0x80, 0x0d])).lines).toEqual(['', '€']);
    const text = (cr: string): Buffer =>
      Buffer.concat([Buffer.from(`hostname fw${cr} description Carrier`), Buffer.from([0x92]), Buffer.from(`s uplink${cr}: end`)]);
    const d = decodeConfigBytes(text('\r'));
    expect(d.lines).toEqual(['hostname fw', ' description Carrier’s uplink', ': end']);
    expect(d.cp1252Lines).toEqual([2]);
    // With `\r\n` at the end only, and with a final line feed an editor added after three CR-ended lines.
    expect(decodeConfigBytes(Buffer.concat([text('\r'), Buffer.from('\r\n')])).lines).toEqual(d.lines);
    expect(decodeConfigBytes(Buffer.concat([Buffer.from('names\r'), text('\r'), Buffer.from('\n')])).lines).toEqual(['names', ...d.lines]);
    // One CR before a line feed is still an overstrike, as in a UTF-8 file.
    expect(decodeConfigBytes(Buffer.from([0x61, 0x0d, 0x80, 0x0a])).lines).toEqual(['€']);
  });

  it('removes a UTF-8 byte-order mark', () => {
    const d = decodeConfigBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69, 0x0a]));
    expect(d.bom).toBe(true);
    expect(d.lines).toEqual(['hi']);
  });

  it('decodes a non-UTF-8 line as Windows-1252 and keeps going', () => {
    const bytes = Buffer.concat([Buffer.from('ok line\n description Carrier'), Buffer.from([0x92]), Buffer.from('s uplink\nnext\n')]);
    const d = decodeConfigBytes(bytes);
    expect(d.lines).toEqual(['ok line', ' description Carrier’s uplink', 'next']);
    expect(d.cp1252Lines).toEqual([2]);
  });

  it('keeps what a terminal shows after interior carriage returns', () => {
    expect(collapseCarriageReturns('\rfw1# ')).toBe('fw1# ');
    expect(collapseCarriageReturns('garbage\r hostname fw1')).toBe(' hostname fw1');
    expect(collapseCarriageReturns('text\r\r')).toBe('text');
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes and accepts text with tabs, CR and backspaces', () => {
    expect(looksBinary(Buffer.from([0x41, 0x00, 0x42]))).toBe(true);
    expect(looksBinary(Buffer.from('a\tb\r\n<--- More --->\b\b\b'))).toBe(false);
  });
});
