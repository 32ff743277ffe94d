// The production switches main.ts reads from the environment (docs/production.md lists them):
// each parsed strictly, so a typo stops the start with the variable's name instead of
// quietly running with the wrong setting.

/** DEMO: "1" seeds the demo accounts into an empty database and serves their list and the QA routes; unset or "0": none of that. */
export function demoEnabled(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false
  if (value === '1') return true
  throw new Error(`DEMO is "1" (demo data, its token list and the QA routes) or "0"/unset (none), not: ${value}`)
}

const ORIGIN = /^https?:\/\/[^/:]+(?::(?:\d{1,5}|\*))?$/

/**
 * CORS_ORIGINS: the web origins whose pages may call the API, comma-separated
 * (`http://127.0.0.1:8080,https://app.example.pt`). `http://127.0.0.1:*` allows every port of
 * one host, for test harnesses that serve the app on a free port. Unset: no origin at all.
 */
export function parseOrigins(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of origins) {
    if (!ORIGIN.test(origin)) throw new Error(`CORS_ORIGINS holds "${origin}", which is not an origin (scheme://host[:port], no path)`)
  }
  return origins
}

/** Whether a request's Origin header is on the allow-list (exactly, or by a `:*` port wildcard). */
export function originAllowed(allowed: readonly string[], origin: string): boolean {
  return allowed.some((entry) => entry === origin || (entry.endsWith(':*') && origin.startsWith(entry.slice(0, -1)) && /^\d{1,5}$/.test(origin.slice(entry.length - 1))))
}

/**
 * TRUST_PROXY: who tells the client's address. The API listens on 127.0.0.1, so in production a
 * reverse proxy stands in front and every request comes from it: without this, the limit on
 * failed authentications would count every client as one. A number is the proxies in front
 * (1: one proxy); otherwise comma-separated addresses or CIDR ranges. Unset: the socket's address.
 */
export function parseTrustProxy(value: string | undefined): number | string[] | false {
  if (value === undefined || value === '' || value === '0') return false
  if (/^\d+$/.test(value)) return Number(value)
  const proxies = value.split(',').map((entry) => entry.trim()).filter(Boolean)
  if (proxies.some((entry) => !/^[0-9a-f.:]+(?:\/\d{1,3})?$/i.test(entry))) throw new Error(`TRUST_PROXY is a number of proxies or their addresses (CIDR allowed), not: ${value}`)
  return proxies
}
