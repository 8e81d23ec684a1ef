// Entry of a Node helper thread (src/cli/nodeThreads.ts): loads the TypeScript helper
// through tsx, which Node 20 does not apply to worker threads from the parent's --import.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli/threadHelper.ts', import.meta.url);
