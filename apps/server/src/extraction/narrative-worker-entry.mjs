// The thread's entry: plain JavaScript, since Node 20 does not apply the
// parent's `--import tsx` hooks inside worker threads. tsx's API loads the
// TypeScript worker with its own hooks.
import { tsImport } from 'tsx/esm/api';

const { default: runExtractionTask } = await tsImport('./narrative-worker.ts', import.meta.url);
export default runExtractionTask;
