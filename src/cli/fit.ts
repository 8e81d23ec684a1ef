/** Entry of `npm run fit`: the tutorial's training loop, headless, on the playground's core. */
import { readFileSync } from 'node:fs';
import { runFit } from './runFit';

process.exitCode = runFit(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
});
