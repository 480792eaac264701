import type { Capabilities, Capability } from '../../../shared/contract/calls';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { engineText } from '../localizedText';

/** A capability whose note (English on the wire) names its catalog key for front ends that translate. */
const noted = (available: boolean, key: EngineKey | null): Capability =>
  key === null ? { available, note: null } : { available, note: engineText(key), messageKey: key };
const yes = (key: EngineKey | null = null): Capability => noted(true, key);
const no = (key: EngineKey): Capability => noted(false, key);

/**
 * What each OS lets Portscope see and do, by whether it runs elevated. The notes are what the UI
 * and CLI show, so they name the OS's own way to elevate.
 */
export function linuxCapabilities(elevated = process.getuid?.() === 0): Capabilities {
  return {
    socketOwners: elevated ? yes() : no('engine.capability.linux.socketOwners'),
    processDetails: elevated ? yes() : no('engine.capability.linux.processDetails'),
    firewallRules: elevated ? yes() : no('engine.capability.linux.firewallRules'),
    trafficCounters: no('engine.capability.linux.trafficCounters'),
    endProcess: yes(elevated ? 'engine.capability.unix.endProcess' : 'engine.capability.linux.endProcessUser'),
    closeConnection: elevated
      ? yes('engine.capability.linux.closeConnection')
      : no('engine.capability.linux.closeConnectionUser'),
  };
}

export function windowsCapabilities(elevated: boolean, tables: 'ip-helper' | 'wine' | 'netstat'): Capabilities {
  return {
    // The owner-pid tables name every socket's owner pid for any user; names come from the
    // process snapshot, which also lists every process.
    socketOwners:
      tables === 'ip-helper'
        ? yes()
        : tables === 'wine'
          ? no('engine.capability.windows.socketOwnersWine')
          : yes('engine.capability.windows.socketOwnersNetstat'),
    processDetails:
      tables === 'netstat'
        ? no('engine.capability.windows.processDetailsNetstat')
        : elevated
      ? yes()
      : no('engine.capability.windows.processDetails'),
    firewallRules: yes('engine.capability.windows.firewallRules'),
    trafficCounters: no('engine.capability.windows.trafficCounters'),
    endProcess: yes(elevated ? 'engine.capability.windows.endProcess' : 'engine.capability.windows.endProcessUser'),
    closeConnection: no('engine.capability.windows.closeConnection'),
  };
}

export function darwinCapabilities(elevated = process.getuid?.() === 0): Capabilities {
  return {
    // netstat -anv names the owner pid of every socket without root; ps lists every process.
    socketOwners: yes(elevated ? null : 'engine.capability.darwin.socketOwners'),
    // ps lists every process, but the kernel hands other users' arguments (KERN_PROCARGS2) to root only.
    processDetails: elevated ? yes() : no('engine.capability.darwin.processDetails'),
    firewallRules: elevated ? yes() : no('engine.capability.darwin.firewallRules'),
    trafficCounters: no('engine.capability.darwin.trafficCounters'),
    endProcess: yes(elevated ? 'engine.capability.unix.endProcess' : 'engine.capability.darwin.endProcessUser'),
    closeConnection: no('engine.capability.darwin.closeConnection'),
  };
}
