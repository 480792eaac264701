import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createServices } from './app/createServices';
import { MachineRoot } from './components/machines/MachineRoot';
import { createMachineConnector } from './contract/machines';
import { pageFromHash } from './stores/ui';
import './styles/app.css';

// This machine's client also manages the machine list; the window may switch to another machine.
const connector = createMachineConnector();
const services = createServices(connector.home, pageFromHash(window.location.hash));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MachineRoot connector={connector} initial={services} />
  </StrictMode>,
);
