// The reports inside a .zip, read with limits like the command line's
// (src/input/zip.rs): at most MAX_ENTRIES entries listed, every entry
// inflated in chunks and given up past its limit (the sizes a directory
// states are never trusted), a total for the whole archive, no nested
// archive opened, no entry whose name climbs out of the archive or is
// absolute. What is refused becomes an item that says why.

export const MAX_ENTRIES = 10000;
/** A report is at most 32 MB (src/input/mod.rs MAX_BYTES). */
export const MAX_ENTRY = 32 * 1024 * 1024;
/** All entries of one archive together. */
export const MAX_TOTAL = 256 * 1024 * 1024;

const u16 = (b, at) => b[at] | (b[at + 1] << 8);
const u32 = (b, at) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

class ArchiveError extends Error {
  constructor(key) { super(key); this.key = key; }
}

/** Raw inflate within `limit` bytes; past it, the stream is cancelled. */
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    let r;
    try { r = await reader.read(); } catch (_) { throw new ArchiveError('damaged'); }
    if (r.done) break;
    size += r.value.length;
    if (size > limit) { reader.cancel().catch(() => {}); throw new ArchiveError('too_large'); }
    parts.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** A name that would climb out of a folder, or is absolute: refused, never opened. */
export function unsafeName(name) {
  return name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name) || name.split(/[/\\]/).some((p) => p === '..');
}

/** How many skipped entries are named (the rest are counted). */
export const SKIPPED_NAMED = 20;

/**
 * The entries of a ZIP archive: `{ name, read() }` for each file (read gives
 * its bytes), or `{ name, refused }` with the key of why (nested, unsafe,
 * encrypted, method, too_large, damaged). Throws an ArchiveError (`key`) when
 * the archive as a whole cannot be read. `isReport(name)` picks the entries
 * to list; the others are counted in `skipped` and the first of them named
 * in `skippedNames`.
 */
export function listZip(b, isReport) {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ArchiveError('damaged');
  const count = u16(b, eocd + 10);
  if (count > MAX_ENTRIES || count === 0xffff) throw new ArchiveError('too_many');
  let at = u32(b, eocd + 16);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gbk = new TextDecoder('gbk');
  const out = [];
  let skipped = 0;
  const skippedNames = [];
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw new ArchiveError('damaged');
    const flags = u16(b, at + 8), method = u16(b, at + 10), csize = u32(b, at + 20), nlen = u16(b, at + 28), xlen = u16(b, at + 30), clen = u16(b, at + 32), local = u32(b, at + 42);
    const raw = b.subarray(at + 46, at + 46 + nlen);
    at += 46 + nlen + xlen + clen;
    // Names are UTF-8 when flagged; archives made on Chinese Windows write GBK.
    let name;
    try { name = utf8.decode(raw); } catch (_) { name = (flags & 0x800) ? new TextDecoder('utf-8').decode(raw) : gbk.decode(raw); }
    if (name.endsWith('/')) continue;
    const refuse = (key) => out.push({ name, refused: key });
    if (unsafeName(name)) { refuse('unsafe'); continue; }
    if (/\.zip$/i.test(name)) { refuse('nested'); continue; }
    if (!isReport(name)) { if (skipped++ < SKIPPED_NAMED) skippedNames.push(name); continue; }
    if (flags & 1) { refuse('encrypted'); continue; }
    if (method !== 0 && method !== 8) { refuse('method'); continue; }
    out.push({
      name,
      read: async () => {
        if (local + 30 > b.length || u32(b, local) !== 0x04034b50) throw new ArchiveError('damaged');
        const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
        const data = b.subarray(start, start + csize);
        if (data.length < csize) throw new ArchiveError('damaged');
        const limit = Math.min(MAX_ENTRY, MAX_TOTAL - total);
        let bytes;
        if (method === 0) {
          if (data.length > limit) throw new ArchiveError('too_large');
          bytes = data;
        } else bytes = await inflate(data, limit);
        total += bytes.length;
        return bytes;
      },
    });
  }
  return { entries: out, skipped, skippedNames };
}
