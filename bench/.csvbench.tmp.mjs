import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
const path = '/tmp/importspeed-data/sn.csv';
for (const variant of ['strings+info', 'buffers+info', 'buffers-noinfo']) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const src = variant === 'strings+info'
    ? Readable.from((async function* () { const d = new TextDecoder(); for await (const b of createReadStream(path, { highWaterMark: 256 * 1024 })) yield d.decode(b, { stream: true }); })())
    : createReadStream(path, { highWaterMark: 256 * 1024 });
  const p = src.pipe(parse({ bom: true, delimiter: ',', relax_column_count: true, skip_records_with_error: true, skip_empty_lines: true, info: variant !== 'buffers-noinfo' }));
  let n = 0;
  for await (const r of p) n++;
  const c = process.cpuUsage(c0);
  console.log(variant, n, ((performance.now() - t0) / 1000).toFixed(2), 's wall', ((c.user + c.system) / 1e6).toFixed(2), 's cpu');
}
