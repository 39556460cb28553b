import { describe, expect, it } from 'vitest';
import { cliName, tokenize } from '../../src/parse/tokenize.js';

describe('tokenize', () => {
  it('splits on blanks and keeps a quoted name as one word', () => {
    expect(tokenize(' group-alias "Corporate VPN" enable ')).toEqual(['group-alias', 'Corporate VPN', 'enable']);
    expect(tokenize('split-dns value a.com\tb.com')).toEqual(['split-dns', 'value', 'a.com', 'b.com']);
  });
  it('treats an unbalanced quote as an ordinary character', () => {
    expect(tokenize('banner motd it"s fine')).toEqual(['banner', 'motd', 'it"s', 'fine']);
  });
  it('quotes names with spaces for CLI fixes', () => {
    expect(cliName('Mobile Split')).toBe('"Mobile Split"');
    expect(cliName('MOBILE')).toBe('MOBILE');
  });
});
