/**
 * Deterministic FHIR resource ids: a UUID version 5 (SHA-1, RFC 9562 §5.5) of the resource type
 * and our record id. The same record always gets the same id, so a re-export is a PUT that
 * updates the partnership system's copy instead of adding a duplicate. Pure TypeScript because
 * core/ runs without Node (no node:crypto).
 */

/** Our namespace for WorkWell MDT FHIR ids (itself a random v4 UUID, fixed forever). */
export const WORKWELL_FHIR_NAMESPACE = '5b7f2c61-6a0e-4f0c-9d7e-3c1a8e2b4f90';

/**
 * Ids already made: a bundle names the same Patient, CarePlan and CareTeam from many resources.
 * Bounded, so a 10,000-person export does not keep every id.
 */
const recent = new Map<string, string>();
const RECENT_LIMIT = 512;

/** The stable FHIR id for `resourceType` made from our record `recordId`. */
export function stableFhirId(resourceType: string, recordId: string): string {
  const name = `${resourceType}/${recordId}`;
  const known = recent.get(name);
  if (known !== undefined) return known;
  const id = uuidV5(WORKWELL_FHIR_NAMESPACE, name);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(name, id);
  return id;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const namespaceBytesCache = new Map<string, Uint8Array>();

/** RFC 9562 UUID version 5 of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  let namespaceBytes = namespaceBytesCache.get(namespace);
  if (namespaceBytes === undefined) {
    namespaceBytes = hexToBytes(namespace.replaceAll('-', ''));
    namespaceBytesCache.set(namespace, namespaceBytes);
  }
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(namespaceBytes.length + nameBytes.length);
  input.set(namespaceBytes, 0);
  input.set(nameBytes, namespaceBytes.length);
  const hash = sha1(input);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  let hex = '';
  for (let index = 0; index < 16; index += 1) {
    hex += HEX[hash[index] ?? 0];
    if (index === 3 || index === 5 || index === 7 || index === 9) hex += '-';
  }
  return hex;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

const words = new Int32Array(80);

/** SHA-1 (FIPS 180-4). Used only for UUID v5 naming, never for security. */
export function sha1(message: Uint8Array): Uint8Array {
  const length = message.length;
  const paddedLength = (((length + 8) >> 6) + 1) << 6;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[length] = 0x80;
  const bitLength = length * 8;
  const high = Math.floor(bitLength / 0x1_0000_0000);
  const low = bitLength >>> 0;
  padded[paddedLength - 8] = high >>> 24;
  padded[paddedLength - 7] = (high >>> 16) & 0xff;
  padded[paddedLength - 6] = (high >>> 8) & 0xff;
  padded[paddedLength - 5] = high & 0xff;
  padded[paddedLength - 4] = low >>> 24;
  padded[paddedLength - 3] = (low >>> 16) & 0xff;
  padded[paddedLength - 2] = (low >>> 8) & 0xff;
  padded[paddedLength - 1] = low & 0xff;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let index = 0; index < 16; index += 1) {
      const at = offset + index * 4;
      words[index] = ((padded[at] ?? 0) << 24) | ((padded[at + 1] ?? 0) << 16) | ((padded[at + 2] ?? 0) << 8) | (padded[at + 3] ?? 0);
    }
    for (let index = 16; index < 80; index += 1) {
      const mixed = (words[index - 3] ?? 0) ^ (words[index - 8] ?? 0) ^ (words[index - 14] ?? 0) ^ (words[index - 16] ?? 0);
      words[index] = (mixed << 1) | (mixed >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let index = 0; index < 80; index += 1) {
      let f: number;
      let k: number;
      if (index < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (index < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (index < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc | 0;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6 | 0;
      }
      const next = (((a << 5) | (a >>> 27)) + f + e + k + (words[index] ?? 0)) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const out = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((word, index) => {
    out[index * 4] = word >>> 24;
    out[index * 4 + 1] = (word >>> 16) & 0xff;
    out[index * 4 + 2] = (word >>> 8) & 0xff;
    out[index * 4 + 3] = word & 0xff;
  });
  return out;
}
