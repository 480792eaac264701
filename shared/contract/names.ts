import { z } from 'zod';

/**
 * Names for addresses (TCPView's "Resolve Addresses"). The engine answers from what it knows at
 * once (this machine's interfaces, /etc/hosts, its cache) and never waits for DNS in a call:
 * reverse lookups it starts run in the background, and the answer says `pending` for them; a
 * later call (or the next `names.resolved` event) carries the name.
 */
export const NameSourceSchema = z.enum([
  'local', // one of this machine's own addresses: `name` is "this machine", `interface` its interface
  'hosts', // the hosts file (/etc/hosts, %SystemRoot%\System32\drivers\etc\hosts)
  'dns', // a reverse (PTR) lookup, checked forward: the name maps back to the address
]);
export type NameSource = z.infer<typeof NameSourceSchema>;

export const AddressNameSchema = z.object({
  address: z.string().max(64),
  /** Display name; hostile text from the network (shown through the visible-text rule). Null: none known. */
  name: z.string().max(253).nullable(),
  source: NameSourceSchema.nullable(),
  /** For `local`: the interface holding the address ("eth0", "docker0", "Wi-Fi", "lo"); "all" for 0.0.0.0 and `::`. */
  interface: z.string().max(64).nullable(),
  /** A reverse lookup for this address is under way; ask again (or wait for names.resolved). */
  pending: z.boolean(),
});
export type AddressName = z.infer<typeof AddressNameSchema>;

export const NamesLookupRequestSchema = z
  .object({
    /** IP address literals (v4 or v6); anything else comes back with name null. */
    addresses: z.array(z.string().max(64)).max(4096),
    /** Start reverse DNS lookups for addresses with no answer yet (false: local, hosts and cache only). */
    dns: z.boolean(),
  })
  .strict();
export type NamesLookupRequest = z.infer<typeof NamesLookupRequestSchema>;

export const NamesLookupResponseSchema = z.object({ names: z.array(AddressNameSchema) });
export type NamesLookupResponse = z.infer<typeof NamesLookupResponseSchema>;

export const namesCalls = {
  'names.lookup': { request: NamesLookupRequestSchema, response: NamesLookupResponseSchema },
} as const;

/** Names that arrived from background lookups since the last event (batched, at most a few per second). */
export const namesEvents = {
  'names.resolved': z.object({ names: z.array(AddressNameSchema).max(4096) }),
} as const;
