// Entry of the worker thread that hosts an in-process adapter: TypeScript loaders first, as in bin/.
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerEsm();
registerCjs();
await import('./worker.ts');
