/**
 * `npm start`'s preview server (scripts/start.mjs) as the browser tests start it: on a port (0 picks
 * a free one), resolved once it prints its address, with everything it printed so far.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface PreviewServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

export function startServer(port = 0): Promise<PreviewServer> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve({ child, url: match[0], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}
