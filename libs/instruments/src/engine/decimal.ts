/**
 * Exact decimal arithmetic for money: every figure is a fraction of big integers, so a chain such as
 * 0.5 × 14.71 × 24 × 1.08 × 1.235 is exact and rounded once, to cents, at the very end.
 */
export class Dec {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static of(value: string | number | bigint | Dec): Dec {
    if (value instanceof Dec) return value;
    if (typeof value === 'bigint') return new Dec(value, 1n);
    const text = typeof value === 'number' ? String(value) : value.trim();
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) throw new Error(`not a decimal: ${text}`);
    const fraction = match[3] ?? '';
    const n = BigInt(match[2] + fraction) * (match[1] ? -1n : 1n);
    return Dec.reduce(n, 10n ** BigInt(fraction.length));
  }

  private static reduce(n: bigint, d: bigint): Dec {
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
    const g = gcd(n, d) || 1n;
    return new Dec(n / g, d / g);
  }

  mul(other: string | number | Dec): Dec {
    const o = Dec.of(other);
    return Dec.reduce(this.n * o.n, this.d * o.d);
  }

  div(other: string | number | Dec): Dec {
    const o = Dec.of(other);
    if (o.n === 0n) throw new Error('division by zero');
    const sign = o.n < 0n ? -1n : 1n;
    return Dec.reduce(this.n * o.d * sign, this.d * o.n * sign);
  }

  add(other: string | number | Dec): Dec {
    const o = Dec.of(other);
    return Dec.reduce(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(other: string | number | Dec): Dec {
    return this.add(Dec.of(other).mul(-1));
  }

  cmp(other: string | number | Dec): number {
    const o = Dec.of(other);
    const diff = this.n * o.d - o.n * this.d;
    return diff === 0n ? 0 : diff > 0n ? 1 : -1;
  }

  min(other: string | number | Dec): Dec {
    const o = Dec.of(other);
    return this.cmp(o) <= 0 ? this : o;
  }

  max(other: string | number | Dec): Dec {
    const o = Dec.of(other);
    return this.cmp(o) >= 0 ? this : o;
  }

  /** Whole cents, rounded half away from zero (the usual rounding for amounts). */
  cents(): bigint {
    const scaled = this.n * 100n;
    const negative = scaled < 0n;
    const abs = negative ? -scaled : scaled;
    const rounded = (abs * 2n + this.d) / (2n * this.d);
    return negative ? -rounded : rounded;
  }

  /** Euros with two decimals, as a JSON number (235.44). */
  euros(): number {
    return Number(this.cents()) / 100;
  }

  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
}

export const dec = Dec.of;
