/**
 * A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
 * Throws on anything RFC 4180 does not allow (a quote inside an unquoted field, text after a
 * closing quote), so a renderer bug cannot hide behind a lenient parser.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (!fieldStart) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStart = false;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      fieldStart = true;
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStart = true;
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += c;
      fieldStart = false;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record does not end with CRLF');
  return records;
}
