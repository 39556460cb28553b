// `npm run bench`: whole-process timings of the CLI against a plain read+split baseline on the
// same generated configs, in the same run. Targets: time and peak RSS ≤ 3× the baseline (fleet:
// time); the human table at most 1.5x the JSON format on 200 configs, the HTML report at most 2x and
// opened by Chromium in under 2 s. BENCH_RUNS sets runs per
// measurement, BENCH_FLEET the fleet size and BENCH_HUMAN the human-output set, BENCH_SCALING=0
// skips the rows for formerly quadratic paths (0 skips any of them).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.work');
const generator = join(root, '..', 'shared', 'tools', 'gen-large-asa.mjs');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const probe = join(root, 'bench', 'rss-probe.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LIMIT = 3;

if (!existsSync(generator)) {
  console.error(`bench: generator not found at ${generator} (expected ../shared beside the checkout)`);
  process.exit(2);
}
mkdirSync(work, { recursive: true });

function generate(scale) {
  const file = join(work, `gen-${scale}.cfg`);
  if (!existsSync(file)) {
    const r = spawnSync(process.execPath, [generator, String(scale)], { maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`generator failed: ${r.stderr}`);
    writeFileSync(file, r.stdout);
  }
  return file;
}

/** Wall time (ms) and peak RSS (MiB) of one run of a node command. */
function runOnce(args) {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', probe, ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, rssMiB: Number(readFileSync(rssFile, 'utf8').trim()) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall time (ms) and median peak RSS (MiB) of a node command over RUNS runs. */
function measure(args, runs = RUNS) {
  const all = Array.from({ length: runs }, () => runOnce(args));
  return { ms: median(all.map((m) => m.ms)), rssMiB: median(all.map((m) => m.rssMiB)) };
}

/**
 * A command against its baseline, run in turns (baseline, command, baseline, ...): the ratios are the
 * medians of each turn's own ratio, so a host whose speed drifts during the bench (a shared CI
 * machine) moves both sides of a ratio alike. Times and RSS shown are the medians of each side.
 */
function measurePaired(args, baseArgs, runs = RUNS) {
  const base = [];
  const cmd = [];
  for (let i = 0; i < runs; i++) {
    base.push(runOnce(baseArgs));
    cmd.push(runOnce(args));
  }
  return {
    base: { ms: median(base.map((m) => m.ms)), rssMiB: median(base.map((m) => m.rssMiB)) },
    ms: median(cmd.map((m) => m.ms)),
    rssMiB: median(cmd.map((m) => m.rssMiB)),
    timeRatio: median(cmd.map((m, i) => m.ms / base[i].ms)),
    rssRatio: median(cmd.map((m, i) => m.rssMiB / base[i].rssMiB)),
  };
}

/** A copy of a config with every split-dns list one domain longer: what `diff` compares it with. */
function changed(file) {
  const out = file.replace(/\.cfg$/, '-changed.cfg');
  if (!existsSync(out)) writeFileSync(out, readFileSync(file, 'utf8').replace(/^ split-dns value (.*)$/gm, ' split-dns value $1 extra.example.com'));
  return out;
}

// `files`: what the scenario reads, so its baseline reads the same (diff reads two configs).
const scenarios = [
  { name: 'explain-dns --format json', args: (f) => [cli, 'explain-dns', f, '--format', 'json'], files: (f) => [f] },
  { name: 'audit --format json', args: (f) => [cli, 'audit', f, '--format', 'json', '--fail-on', 'never'], files: (f) => [f] },
  { name: 'plan --format json', args: (f) => [cli, 'plan', f, '--format', 'json'], files: (f) => [f], scales: [10] },
  { name: 'diff OLD NEW --format json', args: (f) => [cli, 'diff', f, changed(f), '--format', 'json'], files: (f) => [f, changed(f)], scales: [10] },
];

let failed = false;
console.log(`runs per measurement: ${RUNS} (median; ratios: median of each turn's command/baseline); limit: ${LIMIT}x baseline\n`);
for (const scale of [10, 100]) {
  const file = generate(scale);
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  const size = (statSync(file).size / 1048576).toFixed(1);
  console.log(`scale ${scale}: ${lines} lines, ${size} MiB`);
  for (const s of scenarios) {
    if (s.scales && !s.scales.includes(scale)) continue;
    const files = s.files(file);
    const m = measurePaired(s.args(file), [join(root, 'bench', 'baseline.mjs'), ...files]);
    const base = m.base;
    console.log(
      `  baseline read+split${files.length > 1 ? ` x${files.length}` : '   '}        ${base.ms.toFixed(0).padStart(6)} ms  ${base.rssMiB.toFixed(0).padStart(5)} MiB   (in turns with the next row)`,
    );
    const tr = m.timeRatio;
    const rr = m.rssRatio;
    const ok = tr <= LIMIT && rr <= LIMIT;
    if (!ok) failed = true;
    console.log(
      `  ${s.name.padEnd(29)} ${m.ms.toFixed(0).padStart(6)} ms  ${m.rssMiB.toFixed(0).padStart(5)} MiB   time ${tr.toFixed(2)}x  rss ${rr.toFixed(2)}x  ${ok ? 'ok' : 'OVER LIMIT'}`,
    );
  }
}
// Fleet: 1,000 configs of ~10k lines (scale 1) with varied hostnames, audited as one directory.
const FLEET = Number(process.env.BENCH_FLEET ?? 1000);
if (FLEET > 0) {
  const fleetDir = join(work, `fleet-${FLEET}`);
  if (!existsSync(join(fleetDir, `asa-${String(FLEET - 1).padStart(4, '0')}.cfg`))) {
    mkdirSync(fleetDir, { recursive: true });
    const template = readFileSync(generate(1), 'utf8');
    for (let i = 0; i < FLEET; i++) {
      const name = `asa-${String(i).padStart(4, '0')}`;
      writeFileSync(join(fleetDir, `${name}.cfg`), template.replace('hostname bench-asa\n', `hostname bench-${name}\n`));
    }
  }
  const perFile = readFileSync(join(fleetDir, 'asa-0000.cfg'), 'utf8').split('\n').length - 1;
  const m = measurePaired(
    [cli, 'audit', fleetDir, '--format', 'json', '--fail-on', 'never'],
    [join(root, 'bench', 'baseline-dir.mjs'), fleetDir],
    Math.min(RUNS, 3),
  );
  const base = m.base;
  const tr = m.timeRatio;
  const ok = tr <= LIMIT;
  if (!ok) failed = true;
  console.log(`fleet: ${FLEET} configs x ${perFile} lines`);
  console.log(
    `  baseline read+split (all files) ${base.ms.toFixed(0).padStart(6)} ms  ${base.rssMiB.toFixed(0).padStart(5)} MiB   (in turns with the next row)`,
  );
  console.log(
    `  audit DIR --format json         ${m.ms.toFixed(0).padStart(6)} ms  ${m.rssMiB.toFixed(0).padStart(5)} MiB   time ${tr.toFixed(2)}x  ${ok ? 'ok' : 'OVER LIMIT'}`,
  );
}
// Paths that were quadratic, at two sizes ten times apart: time should grow about tenfold, not a
// hundredfold. Also a 100 MB line that is not UTF-8 (decoded in bulk: time and peak RSS).
const SCALING = Number(process.env.BENCH_SCALING ?? 1);
if (SCALING > 0) {
  const profilesConfig = (n, undefinedPolicies) => {
    const out = [': Saved', ':', 'ASA Version 9.16(4) ', '!', 'hostname scale', 'webvpn', ' enable outside', ' anyconnect enable'];
    out.push('group-policy GP internal', 'group-policy GP attributes', ' vpn-tunnel-protocol ssl-client');
    for (let i = 0; i < n; i++) {
      out.push(
        `tunnel-group P${i} type remote-access`,
        `tunnel-group P${i} general-attributes`,
        ` default-group-policy ${undefinedPolicies ? `MISSING-${i}` : 'GP'}`,
      );
      out.push(`tunnel-group P${i} webvpn-attributes`, ` group-url https://vpn.example.com/p${i} enable`);
    }
    out.push('Cryptochecksum:00000000000000000000000000000000', ': end', '');
    return out.join('\n');
  };
  const write = (name, text) => {
    const file = join(work, name);
    if (!existsSync(file)) writeFileSync(file, text);
    return file;
  };
  const ignoreConfig = (entries) => {
    const dir = join(work, `ignores-${entries}`);
    mkdirSync(dir, { recursive: true });
    const lines = ['ignore:'];
    for (let i = 0; i < entries; i++) lines.push(`  - rule: ssl-keepalive-enabled`, `    profile: "NOPE-${i}-*"`, `    reason: bench entry ${i}`);
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), `${lines.join('\n')}\n`);
    return dir;
  };
  // A split-dns list of k domains against the demo's: each domain's iOS DNS fate is said in diff's text.
  const demoText = readFileSync(join(root, 'fixtures', 'demo', 'demo-headend.cfg'), 'utf8');
  const splitDnsConfig = (k) =>
    demoText.replace(
      ' split-dns value corp.example.com lab.example.com',
      ` split-dns value ${Array.from({ length: k }, (_, i) => `d${i}.example.com`).join(' ')}`,
    );
  const rows = [
    [
      'split-dns domains, diff text',
      (k) => [cli, 'diff', join(root, 'fixtures', 'demo', 'demo-headend.cfg'), write(`split-dns-${k}.cfg`, splitDnsConfig(k))],
      [1000, 10000],
    ],
    [
      'undefined group-policy references',
      (k) => [cli, 'audit', write(`undefined-${k}.cfg`, profilesConfig(k, true)), '--format', 'json', '--fail-on', 'never'],
      [5000, 50000],
    ],
    [
      'JUnit, mobile profiles',
      (k) => [cli, 'audit', write(`profiles-${k}.cfg`, profilesConfig(k, false)), '--format', 'junit', '--fail-on', 'never'],
      [1000, 10000],
    ],
    [
      'ignore entries x profiles',
      (k) => [
        cli,
        'audit',
        write(`profiles-${k * 2.5}.cfg`, profilesConfig(k * 2.5, false)),
        '--format',
        'json',
        '--fail-on',
        'never',
        '--config',
        join(ignoreConfig(k), '.asa-mobile-audit.yaml'),
      ],
      [100, 1000],
    ],
  ];
  console.log('scaling (input x10)');
  for (const [name, args, [small, large]] of rows) {
    const a = measure(args(small), 3);
    const b = measure(args(large), 3);
    const growth = b.ms / a.ms;
    const ok = growth <= 20;
    if (!ok) failed = true;
    console.log(
      `  ${name.padEnd(34)} ${String(small).padStart(6)}: ${a.ms.toFixed(0).padStart(6)} ms   ${String(large).padStart(6)}: ${b.ms.toFixed(0).padStart(6)} ms   x${growth.toFixed(1)}  ${ok ? 'ok' : 'SUPERLINEAR'}`,
    );
  }
  const latin = join(work, 'latin-100mb.cfg');
  if (!existsSync(latin)) {
    const head = readFileSync(join(root, 'fixtures', 'demo', 'demo-headend.cfg'));
    const end = head.indexOf(Buffer.from(': end'));
    writeFileSync(latin, Buffer.concat([head.subarray(0, end), Buffer.from('banner motd '), Buffer.alloc(100 * 1024 * 1024, 0xe9), Buffer.from('\n: end\n')]));
  }
  const l = measure([cli, 'audit', latin, '--format', 'json', '--fail-on', 'never'], 3);
  console.log(`  100 MB non-UTF-8 line             ${l.ms.toFixed(0).padStart(6)} ms  ${l.rssMiB.toFixed(0).padStart(5)} MiB peak`);
}

// Human output against JSON on 200 copies of a 10k-line config: the table costs at most 1.5x.
const HUMAN = Number(process.env.BENCH_HUMAN ?? 200);
if (HUMAN > 0) {
  const dir = join(work, `human-${HUMAN}`);
  if (!existsSync(join(dir, `asa-${String(HUMAN - 1).padStart(4, '0')}.cfg`))) {
    mkdirSync(dir, { recursive: true });
    const template = readFileSync(generate(1), 'utf8');
    for (let i = 0; i < HUMAN; i++) {
      const name = `asa-${String(i).padStart(4, '0')}`;
      writeFileSync(join(dir, `${name}.cfg`), template.replace('hostname bench-asa\n', `hostname bench-${name}\n`));
    }
  }
  const json = measure([cli, 'audit', dir, '--format', 'json', '--fail-on', 'never'], Math.min(RUNS, 3));
  const human = measure([cli, 'audit', dir, '--format', 'table', '--fail-on', 'never'], Math.min(RUNS, 3));
  const ratio = human.ms / json.ms;
  const ok = ratio <= 1.5;
  if (!ok) failed = true;
  console.log(`human output: ${HUMAN} configs`);
  console.log(`  audit DIR --format json         ${json.ms.toFixed(0).padStart(6)} ms  ${json.rssMiB.toFixed(0).padStart(5)} MiB`);
  console.log(
    `  audit DIR --format table        ${human.ms.toFixed(0).padStart(6)} ms  ${human.rssMiB.toFixed(0).padStart(5)} MiB   ${ratio.toFixed(2)}x json (limit 1.5x)  ${ok ? 'ok' : 'OVER LIMIT'}`,
  );
  // The HTML report of the same run: at most 2x the JSON format, and a file the browser opens in under 2 s.
  const htmlFile = join(work, `human-${HUMAN}.html`);
  const html = measure([cli, 'audit', dir, '--format', 'html', '--output', htmlFile, '--fail-on', 'never'], Math.min(RUNS, 3));
  const htmlRatio = html.ms / json.ms;
  const htmlOk = htmlRatio <= 2;
  if (!htmlOk) failed = true;
  console.log(
    `  audit DIR --format html         ${html.ms.toFixed(0).padStart(6)} ms  ${html.rssMiB.toFixed(0).padStart(5)} MiB   ${htmlRatio.toFixed(2)}x json (limit 2x)  ${htmlOk ? 'ok' : 'OVER LIMIT'}  (${(statSync(htmlFile).size / 1048576).toFixed(1)} MiB)`,
  );
  const opened = await browserOpen(htmlFile);
  if (opened === null) console.log('  html opened in Chromium          skipped (no Chromium: apt-get install chromium)');
  else {
    const openOk = opened <= 2000;
    if (!openOk) failed = true;
    console.log(
      `  html opened in Chromium         ${opened.toFixed(0).padStart(6)} ms  (navigation to load event, median of 3; limit 2000 ms)  ${openOk ? 'ok' : 'OVER LIMIT'}`,
    );
  }
}

/** Median time (ms) for Debian's Chromium to open a file up to its load event, or null without one. */
async function browserOpen(file) {
  const path = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!path) return null;
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: path, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  try {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      const start = process.hrtime.bigint();
      await page.goto(`file://${file}`, { waitUntil: 'load', timeout: 120_000 });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      await page.close();
    }
    return times.sort((a, b) => a - b)[1];
  } finally {
    await browser.close();
  }
}
// Live collection of the scale-10 config (~97k lines) from a real OpenSSH server whose ForceCommand is
// the ASA emulator (test/interop), next to the OpenSSH client's own time for the same session.
// Target: at most 3x the OpenSSH client. Needs sshd and root (BENCH_LIVE=0 skips).
if (process.env.BENCH_LIVE !== '0') {
  const harness = await import('../test/interop/sshd-harness.mjs');
  const why = harness.sshdUnavailable();
  if (why !== null) console.log(`live collection: skipped (${why})`);
  else {
    const { collectDevice } = await import('../dist/src/collect/collect-device.js');
    const keyDir = join(work, 'live-keys');
    rmSync(keyDir, { recursive: true, force: true });
    mkdirSync(keyDir, { recursive: true });
    const key = harness.keygen(keyDir, 'id_bench');
    const config = generate(10);
    const lines = readFileSync(config, 'latin1').split('\n').length - 1;
    console.log(`live collection: ${lines} lines over OpenSSH ${spawnSync('ssh', ['-V'], { encoding: 'utf8' }).stderr.trim().split(',')[0]}`);
    for (const [label, scenario] of [
      ['4 KiB writes', {}],
      ['one line per write', { lineByLine: true }],
    ]) {
      const sshd = await harness.startSshd({ scenario: { config, ...scenario }, options: ['PasswordAuthentication no'], authorizedKeys: [key.public] });
      const kh = join(keyDir, 'known_hosts');
      writeFileSync(kh, `${sshd.knownHostsLine}\n`);
      try {
        const openssh = [];
        const ours = [];
        for (let i = 0; i < Math.min(RUNS, 3); i++) {
          let start = process.hrtime.bigint();
          const r = spawnSync(
            'ssh',
            [
              '-tt',
              '-p',
              String(sshd.port),
              '-i',
              key.private,
              '-o',
              `UserKnownHostsFile=${kh}`,
              '-o',
              'BatchMode=yes',
              '-o',
              'LogLevel=ERROR',
              'root@127.0.0.1',
            ],
            {
              input: 'terminal pager 0\nshow running-config\nexit\n',
              maxBuffer: 1 << 30,
            },
          );
          openssh.push(Number(process.hrtime.bigint() - start) / 1e6);
          if (r.stdout.length < readFileSync(config).length) throw new Error(`ssh got ${r.stdout.length} bytes: ${r.stderr}`);
          start = process.hrtime.bigint();
          const device = await collectDevice({
            host: '127.0.0.1',
            port: sshd.port,
            credentials: { username: 'root', privateKey: readFileSync(key.private) },
            knownHostsFiles: [kh],
            acceptNew: false,
            legacyAlgorithms: false,
            readyTimeoutMs: 30_000,
            idleTimeoutMs: 30_000,
            hostTimeoutMs: 600_000,
          });
          ours.push(Number(process.hrtime.bigint() - start) / 1e6);
          if (!device.configs[0]?.complete || !device.configs[0].text.equals(readFileSync(config))) throw new Error('live collection differs from the file');
        }
        const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const ratio = median(ours) / median(openssh);
        const ok = ratio <= LIMIT;
        if (!ok) failed = true;
        console.log(
          `  ${label.padEnd(20)} OpenSSH client ${median(openssh).toFixed(0).padStart(6)} ms   collector ${median(ours).toFixed(0).padStart(6)} ms   ${ratio.toFixed(2)}x  ${ok ? 'ok' : 'OVER LIMIT'}`,
        );
      } finally {
        await sshd.stop();
      }
    }
  }
}
process.exit(failed ? 1 : 0);
