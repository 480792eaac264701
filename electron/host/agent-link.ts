import { ContractError, type HelloResponse } from '../../shared/contract';
import { controlRefusal } from '../engine/remote/control-policy';
import type { EngineLink } from './engine-link';

const READ_ONLY_NOTE = 'This machine\u2019s Portscope agent is read-only: restart it with --allow-control to allow this.';

/**
 * The engine as a remote agent offers it (`portscope agent --listen`): read-only unless the
 * administrator passed --allow-control. Refused calls get a `denied` ContractError saying so, and
 * hello tells clients which it is (`control`), with End process and Close connection marked
 * unavailable, so the app hides what would only be refused.
 */
export function agentLink(link: EngineLink, allowControl: boolean): EngineLink {
  return {
    async call(name, request) {
      // The agent's refresh belongs to the agent: its metrics and history run on it, and one
      // viewer pausing it would stop them for everyone. The app pauses its own view instead.
      if (name === 'monitor.configure' && Object.keys((request as object | null) ?? {}).length > 0) {
        throw new ContractError('denied', 'The agent\u2019s refresh is set where it runs (portscope agent --interval): its metrics and history depend on it.');
      }
      if (!allowControl) {
        const why = controlRefusal(name, request);
        if (why) throw new ContractError('denied', why);
      }
      const json = await link.call(name, request);
      if (name !== 'contract.hello') return json;
      const hello = JSON.parse(json) as HelloResponse;
      hello.control = allowControl;
      if (!allowControl && hello.capabilities) {
        hello.capabilities.endProcess = { available: false, note: READ_ONLY_NOTE };
        hello.capabilities.closeConnection = { available: false, note: READ_ONLY_NOTE };
      }
      return JSON.stringify(hello);
    },
    on: (name, listener) => link.on(name, listener),
    // The agent owns its engine and stops it itself.
    close: async () => {},
  };
}
