import type { Capabilities, Capability } from '../../../shared/contract/calls';
import type { TrafficUnavailable } from '../../../shared/contract/traffic';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { engineText } from '../localizedText';

type Values = Record<string, string | number>;

/** A capability whose note (English on the wire) names its catalog key for front ends that translate. */
export function noted(available: boolean, key: EngineKey | null, values?: Values): Capability {
  if (key === null) return { available, note: null };
  return { available, note: engineText(key, values), messageKey: key, ...(values ? { values } : {}) };
}
const yes = (key: EngineKey | null = null, values?: Values): Capability => noted(true, key, values);
const no = (key: EngineKey, values?: Values): Capability => noted(false, key, values);

/**
 * What each OS lets Portscope see and do, by whether it runs elevated. The notes are what the UI
 * and CLI show, so they name the OS's own way to elevate.
 */
export function linuxCapabilities(elevated = process.getuid?.() === 0, counters = true): Capabilities {
  return {
    socketOwners: elevated ? yes() : no('engine.capability.linux.socketOwners'),
    processDetails: elevated ? yes() : no('engine.capability.linux.processDetails'),
    firewallRules: elevated ? yes() : no('engine.capability.linux.firewallRules'),
    // tcp_info comes with the sock_diag dump (no extra rights); the /proc/net fallback has none.
    trafficCounters: counters ? yes('engine.capability.linux.trafficCounters') : no('engine.capability.linux.trafficCountersNative'),
    endProcess: yes(elevated ? 'engine.capability.unix.endProcess' : 'engine.capability.linux.endProcessUser'),
    closeConnection: elevated ? yes('engine.capability.linux.closeConnection') : no('engine.capability.linux.closeConnectionUser'),
  };
}

/** What the Windows adapter found out about traffic counters (EstatsReader). */
export interface WindowsTraffic {
  /** Why per-connection statistics cannot be read here, null when they are. */
  unavailable: TrafficUnavailable | null;
  /** The estats calls this iphlpapi does not export. */
  missing: readonly string[];
}

function windowsTrafficCounters(tables: 'ip-helper' | 'wine' | 'netstat', traffic: WindowsTraffic | undefined): Capability {
  if (tables === 'netstat' || !traffic) return no('engine.capability.windows.trafficCountersNoHelper');
  if (traffic.unavailable === 'not-supported') {
    return traffic.missing.length > 0
      ? no('engine.capability.windows.trafficCountersMissing', { missing: traffic.missing.join(', '), wine: tables === 'wine' ? 'yes' : 'no' })
      : no('engine.capability.windows.trafficCountersRefused');
  }
  if (traffic.unavailable === 'needs-elevation') return no('engine.capability.windows.trafficCountersElevation');
  return yes('engine.capability.windows.trafficCounters');
}

function windowsCloseConnection(elevated: boolean, tables: 'ip-helper' | 'wine' | 'netstat'): Capability {
  if (tables === 'netstat') return no('engine.capability.windows.closeConnectionNoHelper');
  // The same words as closeTcp.ts's WINE_CLOSE_REASON, from the catalog.
  if (tables === 'wine') return no('engine.capability.windows.closeConnectionWine');
  return elevated ? yes('engine.capability.windows.closeConnection') : no('engine.capability.windows.closeConnectionUser');
}

export function windowsCapabilities(elevated: boolean, tables: 'ip-helper' | 'wine' | 'netstat', traffic?: WindowsTraffic): Capabilities {
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
    trafficCounters: windowsTrafficCounters(tables, traffic),
    endProcess: yes(elevated ? 'engine.capability.windows.endProcess' : 'engine.capability.windows.endProcessUser'),
    closeConnection: windowsCloseConnection(elevated, tables),
  };
}

function darwinTrafficCounters(traffic: 'netstat' | 'no-columns' | 'lsof'): Capability {
  if (traffic === 'lsof') return no('engine.capability.darwin.trafficCountersLsof');
  if (traffic === 'no-columns') return no('engine.capability.darwin.trafficCountersNoColumns');
  return yes('engine.capability.darwin.trafficCounters');
}

export function darwinCapabilities(elevated = process.getuid?.() === 0, traffic: 'netstat' | 'no-columns' | 'lsof' = 'netstat'): Capabilities {
  return {
    // netstat -anv names the owner pid of every socket without root; ps lists every process.
    socketOwners: yes(elevated ? null : 'engine.capability.darwin.socketOwners'),
    // ps lists every process, but the kernel hands other users' arguments (KERN_PROCARGS2) to root only.
    processDetails: elevated ? yes() : no('engine.capability.darwin.processDetails'),
    firewallRules: elevated ? yes() : no('engine.capability.darwin.firewallRules'),
    trafficCounters: darwinTrafficCounters(traffic),
    endProcess: yes(elevated ? 'engine.capability.unix.endProcess' : 'engine.capability.darwin.endProcessUser'),
    closeConnection: no('engine.capability.darwin.closeConnection'),
  };
}
