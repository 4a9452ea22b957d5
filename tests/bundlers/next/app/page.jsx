// A settings page the server renders for each request (its policy carries a fresh nonce): the
// widget's element and its fallback text are in the server's HTML.
import { connection } from 'next/server';
import ScimToken from './scim-token';

export default async function Settings() {
  await connection();
  return (
    <main>
      <h1>Settings</h1>
      <ScimToken apiKey="next-key" />
    </main>
  );
}
