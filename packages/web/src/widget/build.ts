import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The widget's source entry. */
export const WIDGET_ENTRY = fileURLToPath(new URL('./widget.ts', import.meta.url));

/**
 * Bundles the widget into one self-contained script (an IIFE: it defines nothing on the page but
 * `window.Shoreline`), minified for old-enough browsers. Returns the code and its gzipped size.
 */
export async function buildWidget(
  outfile?: string,
): Promise<{ code: string; bytes: number; gzipBytes: number }> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    write: false,
    ...(outfile ? { outfile } : { outfile: 'widget.js' }),
    legalComments: 'none',
  });
  const code = result.outputFiles[0]!.text;
  return { code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}
