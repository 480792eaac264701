import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createServices } from './app/createServices';
import { ServicesProvider } from './app/services';
import { createContractClient } from './contract/client';
import { pageFromHash } from './stores/ui';
import './styles/app.css';

const services = createServices(createContractClient(), pageFromHash(window.location.hash));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
