// A ZIP writer for the fixtures and the browser tests (Node only): entries
// [name, bytes or text, { stored, stated }], deflated unless `stored`;
// `stated` overrides the inflated size the archive claims (a lying archive
// for the hostile-file tests). Names are UTF-8 and flagged so.
import zlib from 'node:zlib';

export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content, opts = {}] of files) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const body = opts.stored ? data : zlib.deflateRawSync(data);
    const crc = zlib.crc32(data);
    const size = opts.stated ?? data.length;
    const method = opts.stored ? 0 : 8;
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(n.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt16LE(0x0800, 8); cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(crc, 16); cen.writeUInt32LE(body.length, 20); cen.writeUInt32LE(size, 24); cen.writeUInt16LE(n.length, 28); cen.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    central.push(cen, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length & 0xffff, 8); end.writeUInt16LE(files.length & 0xffff, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
