// Writes dist/widget.js (served by the server at /widget.js): `npm run build -w @shoreline/web`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildWidget } from '../src/widget/build';

const out = fileURLToPath(new URL('../dist/widget.js', import.meta.url));
const { code, bytes, gzipBytes } = await buildWidget(out);
writeFileSync(out, code);
console.log(`widget.js: ${bytes} bytes, ${gzipBytes} gzipped`);
