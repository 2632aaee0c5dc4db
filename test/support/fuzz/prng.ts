// A small seeded pseudo-random generator (mulberry32), so that the route fuzzer sends the same
// requests on every run and on both engines. `fork(label)` derives an independent stream per
// route: adding a route, or a field to one route, leaves the sample of every other route alone.

/** The seed of a run: KITH_FUZZ_SEED when set (to explore), a fixed one otherwise (CI repeats). */
export function fuzzSeed(): number {
  const fromEnv = process.env.KITH_FUZZ_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`KITH_FUZZ_SEED must be an integer, not ${JSON.stringify(fromEnv)}`);
    return seed >>> 0;
  }
  return 20_261_125;
}

/** FNV-1a: a stable 32-bit hash of a label, to derive a stream from a seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream of its own for `label`, the same for the same seed and label. */
  fork(label: string): Prng {
    return new Prng((this.seed ^ hash32(label)) >>> 0);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = this.int(index + 1);
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }

  /** A version-4 UUID drawn from this stream (names no record: a random id). */
  uuid(): string {
    const bytes = Array.from({ length: 16 }, () => this.int(256));
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
