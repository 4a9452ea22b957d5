// The README's findings table as test cases, shared by the engines' tests (paste.test.mjs in
// Chromium, webdriver.test.mjs in Firefox and WebKit): `paste` goes into the API `field` with
// Ctrl+V from the system clipboard, after `typed` went into the other field key by key; then
// the field shows `shows`, a finding matches `says` (`null`: none is shown), and the token is
// made from `token` (`null`: none).
export const MB = 'x'.repeat(1 << 20);
export const FINDINGS = [
  { name: 'a line break at the end', field: 'secret', typed: 'abc', paste: '123\n', shows: '123', says: /^Note.*Removed a line break at the end of the API secret/, token: ['abc', '123'] },
  { name: 'a line break at the end', field: 'key', typed: '123', paste: 'abc\r\n', shows: 'abc', says: /^Note.*Removed a line break at the end of the API key/, token: ['abc', '123'] },
  { name: 'spaces and a no-break space at the ends', field: 'key', typed: '123', paste: '  abc\u00a0', shows: '  abc\u00a0', says: /Removed 2 spaces at the start of the API key/, token: ['abc', '123'] },
  { name: 'spaces and a no-break space at the ends', field: 'secret', typed: 'abc', paste: '  123\u00a0', shows: '  123\u00a0', says: /Removed a no-break space at the end of the API secret/, token: ['abc', '123'] },
  { name: 'a line break inside (wrapped)', field: 'key', typed: '123', paste: 'ab\ncd', shows: 'abcd', says: /^Error.*The API key has a line break \(U\+000A\) at character 3\. It was most likely wrapped/, token: null },
  { name: 'a line break inside (wrapped)', field: 'secret', typed: 'abc', paste: '12\r\n34', shows: '1234', says: /^Error.*The API secret has a line break \(U\+000D\) at character 3/, token: null },
  { name: 'a tab inside', field: 'secret', typed: 'abc', paste: '12\t34', shows: '12\t34', says: /^Error.*The API secret has a tab/, token: null },
  { name: 'a colon in the key', field: 'key', typed: '123', paste: 'ab:c', shows: 'ab:c', says: /^Error.*The API key has a colon \(:\) at character 3/, token: null },
  { name: 'a colon in the secret is allowed', field: 'secret', typed: 'abc', paste: '1:23', shows: '1:23', says: null, token: ['abc', '1:23'] },
  { name: 'key and secret pasted together', field: 'key', typed: '', paste: 'abc:123', shows: 'abc:123', says: /^Error.*seems to hold both the API key and the API secret/, token: null },
  { name: 'a finished token', field: 'key', typed: '123', paste: 'YWJjOjEyMw==', shows: 'YWJjOjEyMw==', says: /^Error.*The API key holds what looks like a finished secret token \(for the API key “abc”\)/, token: null },
  { name: 'a finished token', field: 'secret', typed: 'abc', paste: 'YWJjOjEyMw==\n', shows: 'YWJjOjEyMw==', says: /^Error.*The API secret holds what looks like a finished secret token/, token: null },
  { name: 'key and secret identical', field: 'secret', typed: 'abc', paste: 'abc', shows: 'abc', says: /^Warning.*The API key and the API secret are the same/, token: ['abc', 'abc'] },
  { name: 'key and secret identical', field: 'key', typed: 'abc', paste: 'abc', shows: 'abc', says: /^Warning.*The API key and the API secret are the same/, token: ['abc', 'abc'] },
  { name: 'a 1 MB paste', field: 'secret', typed: 'abc', paste: MB, shows: MB, says: /^Error.*The API secret is 1,048,576 characters long, but an API secret is at most 4,096/, token: null },
  { name: 'a 1 MB paste', field: 'key', typed: '123', paste: MB, shows: MB, says: /^Error.*The API key is 1,048,576 characters long/, token: null },
  { name: 'characters outside ASCII', field: 'key', typed: '123', paste: 'nøkkel', shows: 'nøkkel', says: /^Note.*The API key contains a character outside ASCII: ø \(U\+00F8\)/, token: ['nøkkel', '123'] },
  { name: 'characters outside ASCII', field: 'secret', typed: 'abc', paste: 'hemmelig✓', shows: 'hemmelig✓', says: /^Note.*The API secret contains characters outside ASCII\. They are encoded as UTF-8; show the secret to see which/, token: ['abc', 'hemmelig✓'] },
  { name: 'a label pasted with the value', field: 'key', typed: '123', paste: 'API key: abc', shows: 'API key: abc', says: /^Warning.*The API key starts with the label “API key:”/, token: ['abc', '123'] },
  { name: 'a label pasted with the value', field: 'secret', typed: 'abc', paste: 'Secret=xyz', shows: 'Secret=xyz', says: /^Warning.*The API secret starts with the label “Secret=”/, token: ['abc', 'xyz'] },
];
