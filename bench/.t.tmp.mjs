import { parse } from 'csv-parse/sync';
const show = (s) => console.log(JSON.stringify(s), JSON.stringify(parse(s, { bom: true, relax_column_count: true, skip_records_with_error: true, skip_empty_lines: true, info: true }).map(r => [r.record, r.info.lines])));
show('a,b\r\n1,2\r\n3,4\r\n');
show('a,b\n1,2\n\n3,4\n');
show('a,b\n1,"x\ny"\n3,4');
show('a,b\n1,"x\r\ny"\r\n3,4');
show('a,b\n1,2\n\n\n');
show('a,b\n  \n3,4\n');
show('\ufeffa,b\n1,2');
