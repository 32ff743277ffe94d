// The harness's own guard: CI once met an API whose port the app server had taken between
// the probe and the API's listen; the app then called the app server and showed its 404 as
// "Não encontrámos o que procurava" on home. An API that cannot listen is never used.
import { expect, test } from 'vitest'
// @ts-expect-error: a plain ES module script without types
import { serveApp } from '../../scripts/serve-app.mjs'
import { startApi } from './harness'

test('an API whose port another server holds is refused with its reason, not answered by that server', async () => {
  const app = await serveApp({ port: 0 })
  const taken = Number(new URL(app.url).port)
  try {
    await expect(startApi(taken)).rejects.toThrow(`did not start on ${taken}`)
  } finally {
    await app.server.close()
  }
})

test('without a port the API starts on a free one and answers as the API', async () => {
  const api = await startApi()
  try {
    const response = await fetch(`${api.url}/v1/overview`)
    expect(response.status).toBe(401)
  } finally {
    await api.stop()
  }
})
