/**
 * Benchmark records: each bench writes its table to `bench/results/<date>-<cpu>[-page].md`
 * with the date, CPU model and commit it measured, so docs/performance.md links figures
 * that the bench itself wrote rather than prose typed by hand.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

/** What a record says about where and on what it was measured. */
export interface RecordContext {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  cpu: string;
  cores: number;
  /** Short hash of HEAD, with "+dirty" when the tree had uncommitted changes. */
  commit: string;
  node: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function git(args: string[]): string {
  return execFileSync('git', args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

/** Taken when a bench starts, so edits made while it runs do not mark its record dirty. */
export function recordContext(): RecordContext {
  let commit = 'unknown';
  try {
    commit = git(['rev-parse', '--short', 'HEAD']);
    if (git(['status', '--porcelain', '--untracked-files=no'])) commit += '+dirty';
  } catch {
    // Not a git checkout (an unpacked archive): the record says so.
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    commit,
    node: process.version,
  };
}

/** "Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz" -> "intel-core-i7-8700-cpu-3-20ghz". */
export function cpuSlug(model: string): string {
  const slug = model
    .toLowerCase()
    .replace(/\((r|tm)\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'unknown-cpu';
}

/**
 * Writes `body` (markdown) under a header naming the date, CPU, commit, Node and the load
 * average at the end (other processes lower every figure). Returns the file's path.
 */
export async function writeRecord(
  ctx: RecordContext,
  title: string,
  suffix: string,
  body: string,
): Promise<string> {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const name = `${ctx.date}-${cpuSlug(ctx.cpu)}${suffix}.md`;
  const header = [
    `# ${title}`,
    '',
    `- date: ${ctx.date}`,
    `- CPU: ${ctx.cpu} (${ctx.cores} logical cores)`,
    `- commit: ${ctx.commit}`,
    `- Node: ${ctx.node}`,
    `- load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)}`,
    '',
  ];
  const record = `${header.join('\n')}\n${body.trimEnd()}\n`;
  writeFileSync(dir + name, record);
  await showInDocs(suffix || '-kernel', `bench/results/${name}`, record);
  return `bench/results/${name}`;
}

/** The page that shows each bench's latest record, between markers the bench owns. */
const DOCS = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

/**
 * Puts the record (its title one level down, under a link to the file) between
 * `<!-- latest-record:<kind> -->` and `<!-- /latest-record:<kind> -->` in
 * docs/performance.md, so the docs show what the bench wrote, never a copy typed by hand.
 */
export async function showInDocs(suffix: string, path: string, record: string): Promise<void> {
  const kind = suffix.replace(/^-/, '');
  const open = `<!-- latest-record:${kind} -->`;
  const close = `<!-- /latest-record:${kind} -->`;
  const docs = readFileSync(DOCS, 'utf8');
  const start = docs.indexOf(open);
  const end = docs.indexOf(close);
  if (start < 0 || end < start) return; // the docs no longer show this record
  const shown = record.replace(/^# /, '### ').replace('\n\n', `\n\n[${path}](../${path})\n\n`);
  const text = `${docs.slice(0, start + open.length)}\n\n${shown}\n${docs.slice(end)}`;
  // Formatted as `npm run lint` checks it: the bench's tables are not aligned.
  const options = await prettier.resolveConfig(DOCS);
  writeFileSync(DOCS, await prettier.format(text, { ...options, filepath: DOCS }));
}
