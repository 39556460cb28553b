// A no-echo prompt on the controlling terminal, for passwords and key passphrases. Nothing typed is
// ever written anywhere; Ctrl-C aborts.

export function promptSecretOnTty(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let answer = '';
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (err: Error | null): void => {
      input.setRawMode(wasRaw);
      input.pause();
      input.removeListener('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(answer);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done(null);
          return;
        }
        if (ch === '\u0003') {
          // Ctrl-C at a password prompt stops the whole run, as it does in ssh.
          input.setRawMode(wasRaw);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    input.on('data', onData);
  });
}
