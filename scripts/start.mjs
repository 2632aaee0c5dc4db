// `npm start`: build the web app if needed, then `kith serve`.
import { buildWebIfStale } from './web-build.mjs';

buildWebIfStale();
process.argv = [process.argv[0], 'kith', 'serve'];
await import('../bin/kith.mjs');
