// A token bucket per device token: `burst` requests at once, refilled at `perSecond`.
// In memory, per process: behind a load balancer each replica limits on its own
// (README: several replicas), so the effective limit is replicas × perSecond.
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

  /** Takes one request from `key`'s bucket: 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now }
    this.buckets.delete(key)
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond)
    bucket.at = now
    this.buckets.set(key, bucket)
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.ceil((1 - bucket.tokens) / this.limit.perSecond)
  }
}

/** `RATE_LIMIT=20/40` (per second / burst), `0` or `off` for none. */
export function parseRateLimit(value: string | undefined, fallback: RateLimit | null): RateLimit | null {
  if (value === undefined || value === '') return fallback
  if (value === '0' || value === 'off') return null
  const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(value)
  if (!match || Number(match[1]) <= 0 || Number(match[2]) < 1) throw new Error(`RATE_LIMIT is not <per second>/<burst>: ${value}`)
  return { perSecond: Number(match[1]), burst: Number(match[2]) }
}
