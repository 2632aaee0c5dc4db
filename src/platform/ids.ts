// Deterministic UUIDs (RFC 4122 version 5, SHA-1 of a namespace and a name): the same source
// record always gets the same id, so re-importing a file or re-seeding a demo changes nothing.
import { createHash } from 'node:crypto';

/** The namespace of Kith's own names (itself a v5 UUID of "kith" under the URL namespace). */
export const KITH_NAMESPACE = 'a1a3c5f2-2c1f-5b0e-9d3e-6b1f4e0c7d21';

export function uuidV5(name: string, namespace: string = KITH_NAMESPACE): string {
  const namespaceBytes = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  if (namespaceBytes.length !== 16) throw new Error(`not a UUID namespace: ${namespace}`);
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
