// Token buckets: `burst` units at once, refilled at `perSecond`. Two uses (auth.ts): requests
// per device token, weighed by their cost (a large answer costs more), and failed
// authentications per client address. In memory, per process, on purpose: they are brakes
// that must cost nothing on the request path, and a brake that wrote to the database on
// every failed guess would let the guesser load the database. Behind a load balancer each
// replica limits on its own, so the effective limit is replicas × the limit
// (docs/production.md says so); session tokens are 192-bit random, so guessing stays hopeless.
export interface RateLimit {
  perSecond: number
  burst: number
}

interface Bucket {
  tokens: number
  at: number
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
    /** Buckets kept at most; the least recently used go first (a full bucket is no loss). */
    private readonly maxKeys = 10_000,
  ) {}

  /** `key`'s bucket, refilled up to now and moved to the most recently used end. */
  private bucket(key: string): Bucket {
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now }
    this.buckets.delete(key)
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond)
    bucket.at = now
    this.buckets.set(key, bucket)
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string)
    return bucket
  }

  /** The seconds until `key` may go on (0: now), taking nothing. */
  wait(key: string): number {
    const { tokens } = this.bucket(key)
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.limit.perSecond)
  }

  /** Takes one unit from `key`'s bucket: 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const wait = this.wait(key)
    if (wait === 0) this.charge(key, 1)
    return wait
  }

  /** Charges `units` more to `key`, into debt if need be: what an answer cost beyond its first unit. */
  charge(key: string, units: number): void {
    this.bucket(key).tokens -= units
  }
}

/** `RATE_LIMIT=20/40` (per second / burst), `0` or `off` for none; `name` is the variable's, for the message. */
export function parseRateLimit(value: string | undefined, fallback: RateLimit | null, name = 'RATE_LIMIT'): RateLimit | null {
  if (value === undefined || value === '') return fallback
  if (value === '0' || value === 'off') return null
  const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(value)
  if (!match || Number(match[1]) <= 0 || Number(match[2]) < 1) throw new Error(`${name} is not <per second>/<burst>: ${value}`)
  return { perSecond: Number(match[1]), burst: Number(match[2]) }
}
