#!/usr/bin/env node
// An ASA CLI on a real pty, for the OpenSSH interop suite: sshd runs it as its ForceCommand, so the
// collector meets OpenSSH's own transport, pty and timing rather than our ssh2 fake. Plain JavaScript
// (sshd starts it with `node`, no build step). It follows the same CLI conventions as the fake ASA in
// test/fake-asa: `>`/`#` prompts, `enable` with `Password:`, `<--- More --->` until `terminal pager 0`,
// command echo. Behaviour comes from a scenario file (JSON) named as the first argument:
//   { hostname, config (path), enablePassword?, pagerIgnored?, pagerCommandsFail?, pageLines?,
//     pagerErase?: "cr" | "backspaces", pageAtOnce?, lineByLine?, showVersion? }
import { readFileSync, writeSync } from 'node:fs';

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const config = readFileSync(scenario.config, 'latin1');
const host = scenario.hostname ?? 'asa-interop';
const MARKER = '<--- More --->';
const ERASE =
  scenario.pagerErase === 'backspaces' ? `${'\b'.repeat(MARKER.length)}${' '.repeat(MARKER.length)}${'\b'.repeat(MARKER.length)}` : '\r              \r';
const INVALID = "ERROR: % Invalid input detected at '^' marker.";

let privileged = scenario.enablePassword === undefined;
let paging = true;
let awaitingEnable = false;
let pagerWait = null;
let line = '';
const queue = [];
let busy = false;

// Raw mode: the pty neither echoes nor edits; this program does both, as the ASA does.
if (process.stdin.isTTY) process.stdin.setRawMode(true);

function out(text) {
  // Blocking writes: a pty that is full makes us wait, as a device waits for its TCP window.
  const buf = Buffer.from(text, 'latin1');
  for (let off = 0; off < buf.length;) {
    try {
      off += writeSync(1, buf, off);
    } catch (err) {
      if (err.code !== 'EAGAIN') process.exit(0);
    }
  }
}

const prompt = () => `${host}${privileged ? '#' : '>'} `;

async function output(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const page = scenario.pageLines ?? 24;
  let pending = '';
  for (let i = 0; i < lines.length; i++) {
    if (scenario.lineByLine) out(`${lines[i]}\r\n`);
    else pending += `${lines[i]}\r\n`;
    // Flush in pieces of a few kilobytes unless a whole page goes at once.
    if (!scenario.pageAtOnce && pending.length > 4096) {
      out(pending);
      pending = '';
    }
    if (paging && (i + 1) % (page - 1) === 0 && i + 1 < lines.length) {
      out(pending + MARKER);
      pending = '';
      await new Promise((resolve) => (pagerWait = resolve));
      if (scenario.pageAtOnce) pending = ERASE;
      else out(ERASE);
    }
  }
  if (pending) out(pending);
}

async function execute(cmd) {
  const words = cmd.trim().split(/\s+/).filter(Boolean);
  const is = (...w) => words.length === w.length && w.every((x, i) => words[i] === x);
  if (words.length === 0) return;
  if (is('exit') || is('quit')) process.exit(0);
  if (is('enable')) {
    if (privileged) return;
    awaitingEnable = true;
    out('Password: ');
    return;
  }
  if (is('terminal', 'pager', '0') || is('terminal', 'pager', 'lines', '0')) {
    if (scenario.pagerCommandsFail) return output(INVALID);
    if (!scenario.pagerIgnored) paging = false;
    return;
  }
  if (is('show', 'version')) return output(scenario.showVersion ?? 'Cisco Adaptive Security Appliance Software Version 9.16(4)\n');
  if (is('show', 'mode')) return output('Security context mode: single\n');
  if (!privileged) return output(INVALID);
  if (is('show', 'running-config')) return output(config);
  return output(INVALID);
}

async function pump() {
  if (busy) return;
  busy = true;
  while (queue.length > 0) {
    const cmd = queue.shift();
    if (awaitingEnable) {
      awaitingEnable = false;
      out('\r\n');
      if (cmd === scenario.enablePassword) privileged = true;
      else out('Invalid password\r\n');
    } else {
      out(`${cmd}\r\n`);
      await execute(cmd);
    }
    if (!awaitingEnable) out(prompt());
  }
  busy = false;
}

process.stdin.on('data', (data) => {
  for (const c of data.toString('latin1')) {
    if (pagerWait) {
      const resume = pagerWait;
      pagerWait = null;
      if (c === ' ' || c === '\r' || c === '\n') resume();
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\n' && line === '' && busy) continue;
      queue.push(line);
      line = '';
      void pump();
    } else if (c === '\u0003' || c === '\u0004') {
      process.exit(0);
    } else {
      line += c;
    }
  }
});
process.stdin.on('end', () => process.exit(0));

out(`${scenario.motd ?? 'Authorized access only'}\r\nType help or '?' for a list of available commands.\r\n${prompt()}`);
