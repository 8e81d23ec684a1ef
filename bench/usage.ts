/**
 * `npm run bench -- --help`, and what the bench says to flags it does not know (or `--only`
 * names it has no configuration or implementation for) instead of running for many minutes.
 */
import { DEEP_IMPLEMENTATIONS } from './deepImpls';
import { DEEP_CONFIGS, deepKey } from './deepProblem';

const FLAGS = ['--help', '--json', '--markdown', '--pipes', '--deep', '--quick', '--only'];

/** What `--only` can name: kernel configurations, deep configurations, deep implementations. */
export function onlyNames(kernelConfigs: readonly string[]): string[] {
  return [...kernelConfigs, ...DEEP_CONFIGS.map(deepKey), ...DEEP_IMPLEMENTATIONS, 'numpy'];
}

export function usage(kernelConfigs: readonly string[]): string {
  return `npm run bench [-- options]

Times one training step of every implementation, side by side, one process per
configuration: the tutorial's 1 -> H -> 1 network, then the deep networks (docs/performance.md).

  --markdown       print the tables as markdown and write them to records in bench/results/
  --json           print every row as JSON (no record written)
  --deep           only the deep table
  --quick          only the deep table, shorter timed runs (BENCH_QUICK=1 alike)
  --pipes          instead: the kernel's vector operations alone and in pairs
  --only a,b,...   only these configurations and (deep) implementations:
                   ${kernelConfigs.join(', ')}
                   ${DEEP_CONFIGS.map(deepKey).join(', ')}
                   ${[...DEEP_IMPLEMENTATIONS, 'numpy'].join(', ')}
  --help           this text`;
}

/** The problem with the command line, or null when every flag and --only name is known. */
export function argsProblem(
  argv: readonly string[],
  kernelConfigs: readonly string[],
): string | null {
  const known = new Set(onlyNames(kernelConfigs));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!FLAGS.includes(arg)) return `unknown option "${arg}"`;
    if (arg !== '--only') continue;
    const list = argv[++i];
    if (list === undefined || list.startsWith('--')) return '--only needs a comma-separated list';
    const unknown = list.split(',').filter((name) => !known.has(name));
    if (unknown.length)
      return `--only: no configuration or implementation named ${unknown.map((n) => `"${n}"`).join(', ')}`;
  }
  return null;
}
