import { bridgeErrorMessage } from '../../shared/contract/bridgeError';
import { ReportSaveResponseSchema, type ReportSaveBridge } from '../../shared/contract/report-save';
import { BridgeCallError, type RendererIpcLike } from './bridge';
import type { IpcEnvelope } from './channels';
import { REPORT_SAVE_CHANNEL } from './report-save-channel';

/**
 * What the preload exposes as `window.portscopeReports`: one named function, `save`, that asks
 * the main process to export a report and save it through the Save dialog. Only plain data
 * crosses; ipcRenderer stays in the preload.
 */
export function createReportSaveBridge(ipc: Pick<RendererIpcLike, 'invoke'>): ReportSaveBridge {
  return {
    async save(request) {
      const envelope = (await ipc.invoke(REPORT_SAVE_CHANNEL, request)) as IpcEnvelope;
      if (!envelope.ok) throw new BridgeCallError(envelope.error.code, bridgeErrorMessage(envelope.error));
      return ReportSaveResponseSchema.parse(JSON.parse(envelope.json));
    },
  };
}
