// The preload: runs sandboxed, with context isolation, before the page. It exposes only the
// bridge's named functions; ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('portscope', createBridge(ipcRenderer));
