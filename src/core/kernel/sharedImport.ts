/**
 * A module's bytes with its imported memory declared shared, so it can be instantiated on
 * a shared WebAssembly.Memory for threads. Rewrites only the memory import's limits (flags
 * 0x03, the same initial pages, a maximum of the whole 32-bit space) and its section's
 * size; every other byte is copied, so the code is the plain build's, byte for byte.
 * Derived from the bytes at run time rather than generated, so regenerating a kernel
 * needs no second artefact.
 */

/** The most pages a 32-bit memory has: any shared memory this module is given fits under it. */
const MAX_PAGES = 65536;
const MEMORY_KIND = 2;
const IMPORT_SECTION = 2;

function readLeb(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('a WebAssembly module ends inside a number');
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return { value, next: at };
  }
}

function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** `bytes` (a module importing one memory, not shared) with that import shared. */
export function withSharedMemoryImport(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  let at = 8; // magic and version
  while (at < bytes.length) {
    const id = bytes[at]!;
    const size = readLeb(bytes, at + 1);
    const start = size.next;
    const end = start + size.value;
    if (id !== IMPORT_SECTION) {
      at = end;
      continue;
    }
    let p = readLeb(bytes, start).next; // import count
    for (;;) {
      if (p >= end) throw new Error('the module imports no memory');
      for (let name = 0; name < 2; name++) {
        const length = readLeb(bytes, p);
        p = length.next + length.value;
      }
      const kind = bytes[p++]!;
      if (kind === MEMORY_KIND) break;
      // Function (a type index), table, global: skip its descriptor.
      if (kind === 0) p = readLeb(bytes, p).next;
      else if (kind === 1) {
        const flags = bytes[p + 1]!;
        p = readLeb(bytes, p + 2).next;
        if (flags & 1) p = readLeb(bytes, p).next;
      } else p += 2;
    }
    const flags = bytes[p]!;
    if (flags !== 0) throw new Error('the module’s memory import is not a plain one');
    const initial = readLeb(bytes, p + 1);
    const limits = [0x03, ...leb(initial.value), ...leb(MAX_PAGES)];
    const body = [...bytes.subarray(start, p), ...limits, ...bytes.subarray(initial.next, end)];
    const out = [...bytes.subarray(0, at), id, ...leb(body.length), ...body];
    const result = new Uint8Array(out.length + bytes.length - end);
    result.set(out);
    result.set(bytes.subarray(end), out.length);
    return result;
  }
  throw new Error('the module has no import section');
}
