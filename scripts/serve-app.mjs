// Static server for the built app (dist/app), on 127.0.0.1 only, with the security headers a
// web page needs when an operator serves it (issue 15; docs/production.md "App server").
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Fastify from 'fastify'
import fastifyStatic from '@fastify/static'

/** The CSP source of each inline <script> and <style> of index.html, so no other inline code runs. */
function inlineHashes(html, tag) {
  return [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`)
}

/**
 * The Content-Security-Policy for the Lightning bundle:
 * - script-src 'unsafe-eval': Lightning core compiles its transition and animation property
 *   accessors with `new Function` (Element.getGetter/getSetter in @lightningjs/core); without
 *   it the app does not start (test/e2e/app-server.test.ts). Inline scripts only by their hash.
 * - worker-src blob: Lightning's image worker is a Blob URL (useImageWorker, on by default).
 * - connect-src: the app's own files and the account API's origins (`apiOrigins`).
 * - frame-ancestors 'none': no page may frame the app (clickjacking a purchase).
 */
export function contentSecurityPolicy(html, apiOrigins = []) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval' ${inlineHashes(html, 'script').join(' ')}`.trim(),
    `style-src 'self' ${inlineHashes(html, 'style').join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' data: blob: ${apiOrigins.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * `apiOrigins`: where the app may call the API (`http://127.0.0.1:*` allows every port of a host).
 * `sourceMaps`: serve `*.map` too (local debugging, APP_SOURCE_MAPS=1 npm start); off, a map is 404.
 * `headScript`: an inline script put first in index.html's <head>, allowed by its hash like the
 * page's own (the bench's probe in an engine that has no init-script hook: WPE over WebDriver).
 */
export async function serveApp({ port = 8080, root = 'dist/app', apiOrigins = [], sourceMaps = false, headScript = null } = {}) {
  const directory = resolve(root)
  const file = readFileSync(resolve(directory, 'index.html'), 'utf8')
  const index = headScript === null ? file : file.replace('<head>', `<head>\n<script>${headScript}</script>`)
  const policy = contentSecurityPolicy(index, apiOrigins)
  const server = Fastify({ logger: false })
  server.addHook('onRequest', async (request, reply) => {
    if (!sourceMaps && request.url.split('?')[0].endsWith('.map')) return reply.code(404).send()
  })
  server.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', policy)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-frame-options', 'DENY')
    reply.header('referrer-policy', 'no-referrer')
    return payload
  })
  await server.register(fastifyStatic, { root: directory, index: headScript === null ? 'index.html' : false })
  if (headScript !== null) server.get('/', (_request, reply) => reply.type('text/html').send(index))
  await server.listen({ host: '127.0.0.1', port })
  const address = server.server.address()
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/` }
}
