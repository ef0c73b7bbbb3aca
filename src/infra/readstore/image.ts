// One read model's keys as a snapshot holds them, read in place: the keys in
// byte order with their kind and value, in four arrays over the snapshot's
// bytes. Opening one costs a copy of two offset tables, not a parse of every
// key, so a start from a snapshot does not grow with the model; a key is found
// by binary search and its value decoded when it is read.
//   segment = keyEnds (u32 × n) · valueEnds (u32 × n) · kinds (u8 × n) · key bytes · value bytes
//   kind: 0 string (its UTF-8), 1 hash (a JSON object), 2 sorted set (JSON [member, score][] in order)

export const STRING = 0;
export const HASH = 1;
export const ZSET = 2;

export interface SegmentInfo {
  count: number;
  keyBytes: number;
  valueBytes: number;
}

export const segmentLength = (s: SegmentInfo) => s.count * 9 + s.keyBytes + s.valueBytes;

function u32s(bytes: Buffer, at: number, count: number): Uint32Array {
  // A copy: the file's bytes are not 4-aligned in general.
  const out = new Uint32Array(count);
  Buffer.from(out.buffer).set(bytes.subarray(at, at + count * 4));
  return out;
}

export class FrozenKeys {
  private readonly keyEnds: Uint32Array;
  private readonly valueEnds: Uint32Array;
  private readonly kinds: Uint8Array;
  private readonly keys: Buffer;
  private readonly values: Buffer;

  constructor(bytes: Buffer, info: SegmentInfo) {
    const n = info.count;
    if (bytes.length !== segmentLength(info)) throw new Error('segment length');
    this.keyEnds = u32s(bytes, 0, n);
    this.valueEnds = u32s(bytes, n * 4, n);
    this.kinds = bytes.subarray(n * 8, n * 9);
    this.keys = bytes.subarray(n * 9, n * 9 + info.keyBytes);
    this.values = bytes.subarray(n * 9 + info.keyBytes);
    if (n > 0 && (this.keyEnds[n - 1] !== info.keyBytes || this.valueEnds[n - 1] !== info.valueBytes)) throw new Error('segment offsets');
  }

  get size(): number {
    return this.kinds.length;
  }

  /** The index of `key` (UTF-8), or -1. */
  indexOf(key: Buffer): number {
    let lo = 0;
    let hi = this.kinds.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = key.compare(this.keys, mid ? this.keyEnds[mid - 1]! : 0, this.keyEnds[mid]!);
      if (c === 0) return mid;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  kindAt(i: number): number {
    return this.kinds[i]!;
  }

  keyAt(i: number): Buffer {
    return this.keys.subarray(i ? this.keyEnds[i - 1]! : 0, this.keyEnds[i]!);
  }

  valueAt(i: number): Buffer {
    return this.values.subarray(i ? this.valueEnds[i - 1]! : 0, this.valueEnds[i]!);
  }
}

/** Builds a segment from entries given in ascending byte order of their keys. */
export class SegmentWriter {
  private readonly keyEnds: number[] = [];
  private readonly valueEnds: number[] = [];
  private readonly kinds: number[] = [];
  private readonly keys: Buffer[] = [];
  private readonly values: Buffer[] = [];
  private keyBytes = 0;
  private valueBytes = 0;

  add(key: Buffer, kind: number, value: Buffer): void {
    this.keyBytes += key.length;
    this.valueBytes += value.length;
    this.keys.push(key);
    this.values.push(value);
    this.keyEnds.push(this.keyBytes);
    this.valueEnds.push(this.valueBytes);
    this.kinds.push(kind);
  }

  finish(): { info: SegmentInfo; bytes: Buffer } {
    const info = { count: this.kinds.length, keyBytes: this.keyBytes, valueBytes: this.valueBytes };
    const bytes = Buffer.concat([
      Buffer.from(Uint32Array.from(this.keyEnds).buffer),
      Buffer.from(Uint32Array.from(this.valueEnds).buffer),
      Uint8Array.from(this.kinds),
      ...this.keys,
      ...this.values,
    ]);
    return { info, bytes };
  }
}
