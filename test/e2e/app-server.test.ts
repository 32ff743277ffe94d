// The app server's security headers (issue 15): a Content-Security-Policy the Lightning
// bundle runs under (focus moves animate, the API answers, nothing refused), nosniff, no
// framing, no referrer, and no public source map.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openBox, type Session, startSession } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

test('every file carries the security headers, and appBundle.js.map is not published', async () => {
  for (const file of ['', 'appBundle.js', 'translations.pt.json']) {
    const response = await fetch(new URL(file, session.appUrl))
    expect(response.status, file).toBe(200)
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toContain("'unsafe-inline'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  }
  expect((await fetch(new URL('appBundle.js.map', session.appUrl))).status).toBe(404)
  expect((await fetch(new URL('appBundle.js.map?x=1', session.appUrl))).status).toBe(404)
})

test('the app runs under its policy: home from the API, focus moves, no violation', async () => {
  const box = await openBox(session, '720p', { scenario: 'healthy' })
  const violations: string[] = []
  await box.page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await box.page.evaluate(() => document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`)))
  await box.waitForText(/^Olá, /)
  await box.press('ArrowRight', 'ArrowDown', 'Enter')
  await box.page.waitForTimeout(1_000)
  await box.press('Backspace')
  await box.waitForText(/^Olá, /)
  expect(violations).toEqual([])
  expect(box.errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([])
  expect(box.errors).toEqual([])
  await box.page.close()
})
