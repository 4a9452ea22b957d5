// Writes a generated users export, as Entra's «Download users» writes it, and gives its truth:
// used by tests/e2e/directory.test.mjs and scripts/screenshots.mjs.
import { writeFileSync } from 'node:fs';

/** The department values the users get: one with a trailing space, quotes and commas. */
export const DEPARTMENTS = [
  'Contoso > Sales > EMEA', 'Contoso > Sales > Americas', 'Contoso > Sales > APAC',
  'Contoso > HR > Oslo', 'Contoso > HR > Bergen', 'Contoso > IT > Platform',
  'Contoso > IT > Service desk', 'Contoso > Finance > Payroll', 'Contoso > Finance > Audit',
  'Fabrikam > Research > Lab, north', 'Fabrikam > Research > "Quiet" lab', 'Fabrikam > Legal',
  'Fabrikam > Ops > Site 1 ', 'Contoso > IT',
];

/** The levels the expressions give a value: the 1st, the 2nd and the last, trimmed. */
export const levelsOf = (value) => {
  if (value === '') return ['', '', ''];
  const levels = value.split('>').map((level) => level.trim());
  return [levels[0], levels[1] ?? '', levels[levels.length - 1]];
};

/** A CSV field, quoted when it must be. */
const field = (text, delimiter) => (/["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * Writes to `path` an export of `users` users separated by `delimiter` (with a byte-order mark;
 * CRLF line ends for `;`, as a Norwegian Excel writes it); every 997th user's department is
 * empty. Returns the truth: per target (the 1st, 2nd and last level), each value's users (an
 * empty level counted as '').
 */
export function generate(path, { users, delimiter = ',', pad = 0 }) {
  const counts = [new Map(), new Map(), new Map()];
  const header = ['userPrincipalName', 'displayName', 'department', 'jobTitle'];
  // `pad` > 0: a last column of that many characters per user, to make a file as large as the
  // check reads (bench/directory.mjs --pad).
  const filler = pad > 0 ? ['x'.repeat(pad)] : [];
  const lines = [[...header, ...(pad > 0 ? ['notes'] : [])].join(delimiter)];
  for (let i = 0; i < users; i += 1) {
    const department = i % 997 === 0 ? '' : DEPARTMENTS[(i * 7 + (i >> 5)) % DEPARTMENTS.length];
    // Some display names carry the delimiter, a quote or a line break.
    const display = i % 3 === 0 ? `Surname${i}, Given` : i % 11 === 0 ? `Line\nbreak ${i}` : `User ${i}`;
    lines.push([`user${i}@contoso.example`, display, department, i % 5 === 0 ? 'Lead; "senior"' : 'Staff', ...filler]
      .map((text) => field(text, delimiter))
      .join(delimiter));
    levelsOf(department).forEach((level, target) => counts[target].set(level, (counts[target].get(level) ?? 0) + 1));
  }
  const eol = delimiter === ';' ? '\r\n' : '\n';
  writeFileSync(path, `\uFEFF${lines.join(eol)}${eol}`);
  return counts;
}
