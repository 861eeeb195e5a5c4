import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './styles.css';
import './screens-wide.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/api-client';
import { ApiProvider } from './api/api-context';
import { chooseTransport } from './api/transport';
import { App } from './app';

const rootElement = document.getElementById('root');
if (rootElement === null) throw new Error('The page has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <ApiProvider client={createApiClient(chooseTransport())}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
