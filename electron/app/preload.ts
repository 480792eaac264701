// The preload: runs sandboxed, with context isolation, before the page. It exposes only the
// bridge's named functions; ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { createReportSaveBridge } from './report-save-bridge';

contextBridge.exposeInMainWorld('portscope', createBridge(ipcRenderer));
// The one function beside the contract: save a report through main's Save dialog (report-save.ts).
contextBridge.exposeInMainWorld('portscopeReports', createReportSaveBridge(ipcRenderer));
