// The preload: runs sandboxed, with context isolation, before the page. It exposes only the
// bridge's named functions; ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { createDesktopBridge } from './desktop-language-bridge';
import { createReportSaveBridge } from './report-save-bridge';

contextBridge.exposeInMainWorld('portscope', createBridge(ipcRenderer));
// Beside the contract: save a report through main's Save dialog (report-save.ts).
contextBridge.exposeInMainWorld('portscopeReports', createReportSaveBridge(ipcRenderer));
// The page's language, so the menu, the tray and the dialogs speak it too (desktop-language.ts).
contextBridge.exposeInMainWorld('portscopeDesktop', createDesktopBridge(ipcRenderer));
