// Renderer entry: one bridge client over the page's carrier, then the app.
import { createRoot } from 'react-dom/client';
import { BridgeClient } from './bridge/client';
import { defaultCarrier } from './bridge/carrier';
import { BridgeProvider } from './bridge/context';
import { App } from './app/App';

const client = new BridgeClient(defaultCarrier());
createRoot(document.getElementById('root')!).render(
  <BridgeProvider client={client}>
    <App />
  </BridgeProvider>,
);
