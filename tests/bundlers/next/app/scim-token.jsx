'use client';
// The widget in a client component: the import runs on the server too (it defines nothing
// there), the element is in the server's HTML, and the browser makes it the widget. React 19
// does not attach custom-element event props when it hydrates a server's HTML (react#35446),
// and the page may hydrate after the widget's first event: so the listeners are added in an
// effect, which first reads the state the widget already has.
import { useEffect, useRef, useState } from 'react';
import 'scim-token-widget';

export default function ScimToken({ apiKey }) {
  const widget = useRef(null);
  const [events, setEvents] = useState([]);
  useEffect(() => {
    const element = widget.current;
    const record = (type, detail) => setEvents((list) => [...list, `${type} ${JSON.stringify(detail)}`]);
    if (element.tokenState) record('scim-token-state', { state: element.tokenState });
    const heard = (event) => record(event.type, event.detail);
    element.addEventListener('scim-token-state', heard);
    element.addEventListener('scim-token-copied', heard);
    return () => {
      element.removeEventListener('scim-token-state', heard);
      element.removeEventListener('scim-token-copied', heard);
    };
  }, []);
  return (
    <>
      <scim-token-widget ref={widget} api-key={apiKey} lang="en" heading-level="2">
        <p>The widget could not start here.</p>
      </scim-token-widget>
      <ol id="events">{events.map((text, index) => <li key={index}>{text}</li>)}</ol>
    </>
  );
}
