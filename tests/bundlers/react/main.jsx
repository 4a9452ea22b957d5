// A React 19 app: the widget as a custom element with its API key from React state, its events
// through React 19's custom-element event props, and a button that unmounts and remounts it.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'scim-token-widget';

function Settings() {
  const [apiKey, setApiKey] = useState('react-key');
  const [shown, setShown] = useState(true);
  const [events, setEvents] = useState([]);
  const record = (event) => setEvents((list) => [...list, `${event.type} ${JSON.stringify(event.detail)}`]);
  return (
    <main>
      <h1>Settings</h1>
      <button type="button" onClick={() => setShown((now) => !now)}>{shown ? 'Hide widget' : 'Show widget'}</button>
      <button type="button" onClick={() => setApiKey('react-key-2')}>New key</button>
      {shown && (
        <scim-token-widget api-key={apiKey} lang="en" heading-level="2"
          onscim-token-state={record} onscim-token-copied={record} />
      )}
      <ol id="events">{events.map((text, index) => <li key={index}>{text}</li>)}</ol>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><Settings /></StrictMode>);
