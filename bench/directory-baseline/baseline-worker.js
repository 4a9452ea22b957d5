// The directory check's plain-JS baseline (bench/directory.mjs), as a JavaScript developer
// would write it: in a worker, the file read in 1 MiB slices (`File.slice().arrayBuffer()`)
// and decoded as UTF-8 (a byte-order mark dropped), an RFC 4180 reader (quoted fields with
// commas, quotes and line breaks; `,` or `;` from the header), and for every row the same
// column given to the same regular expressions the helper writes (one per level, .NET's
// `Replace(…, "${level}")` as `String.prototype.replace(re, '$<level>')`), the results counted
// per level. It checks nothing else and keeps no users: a floor for the widget's check.
//
// mode 'read' only reads the slices (the file's cost alone); mode 'check' does the whole.
const SLICE = 1 << 20;

/** Calls `row(fields)` for each record of the text given chunk by chunk. */
function csvReader(row) {
  let delimiter = null;
  let fields = [];
  let field = '';
  let quoted = false; // inside quotes
  let afterQuote = false; // a quote seen inside quotes: a doubled one or the closing one
  let header = '';
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    row(fields);
    fields = [];
  };
  const feed = (text) => {
    if (delimiter === null) {
      header += text;
      const end = header.indexOf('\n');
      if (end === -1) return;
      const line = header.slice(0, end);
      delimiter = line.split(';').length > line.split(',').length ? ';' : ',';
      text = header;
      header = '';
    }
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false; // the closing quote: c is read as outside quotes below
        } else if (c === '"') {
          afterQuote = true;
          continue;
        } else {
          field += c;
          continue;
        }
      }
      if (c === delimiter) endField();
      else if (c === '\n') endRow();
      else if (c === '\r') continue;
      else if (c === '"' && field === '') quoted = true;
      else field += c;
    }
  };
  const end = () => {
    if (header) feed('\n');
    if (quoted && afterQuote) quoted = false;
    if (field !== '' || fields.length) endRow();
  };
  return { feed, end };
}

async function check(file, column, patterns) {
  const regexes = patterns.map((pattern) => new RegExp(pattern));
  const counts = patterns.map(() => new Map());
  let index = -1;
  let rows = 0;
  const reader = csvReader((fields) => {
    if (index === -1) {
      index = fields.indexOf(column);
      if (index === -1) throw new Error(`no column ${column}`);
      return;
    }
    rows += 1;
    const value = fields[index] ?? '';
    regexes.forEach((regex, level) => {
      const result = value.replace(regex, '$<level>');
      counts[level].set(result, (counts[level].get(result) ?? 0) + 1);
    });
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let offset = 0; offset < file.size; offset += SLICE) {
    const bytes = await file.slice(offset, offset + SLICE).arrayBuffer();
    reader.feed(decoder.decode(bytes, { stream: true }));
  }
  reader.feed(decoder.decode());
  reader.end();
  return { rows, counts: counts.map((map) => [...map]) };
}

async function read(file) {
  let bytes = 0;
  for (let offset = 0; offset < file.size; offset += SLICE) {
    bytes += (await file.slice(offset, offset + SLICE).arrayBuffer()).byteLength;
  }
  return { bytes };
}

self.onmessage = async ({ data: { mode, file, column, patterns } }) => {
  try {
    if (mode === 'ping') self.postMessage({});
    else if (mode === 'read') self.postMessage(await read(file));
    else self.postMessage(await check(file, column, patterns));
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
