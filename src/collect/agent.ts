// Whether the ssh-agent named by SSH_AUTH_SOCK answers. A stale socket (the agent of a closed login)
// made ssh2 abort the whole login; OpenSSH only notes it and goes on with the next method.

import { createConnection } from 'node:net';

/** Null when the agent answers, else why not (`ENOENT`, `ECONNREFUSED`, ...). */
export function agentProblem(socketPath: string, timeoutMs = 2000): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    const done = (problem: string | null): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(problem);
    };
    const timer = setTimeout(() => {
      done('no answer');
    }, timeoutMs);
    socket.once('connect', () => {
      done(null);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      done(err.code === 'ENOENT' ? 'no such socket' : err.code === 'ECONNREFUSED' ? 'nothing listens on it' : (err.code ?? err.message));
    });
  });
}
