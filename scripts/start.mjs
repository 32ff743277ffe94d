// `npm start`: the reference account API (dist/server/main.mjs, seeded on first
// run) and a static server for the built app, both on 127.0.0.1, then the URL of
// every box profile and resolution. Ctrl-C stops both.
//   API_PORT (3000) and APP_PORT (8080) choose the ports; APP_SOURCE_MAPS=1 serves appBundle.js.map.
//   SESSIONS: "optional" here unless given, so the curl lines of docs/api.md work with a
//   demo device token; the app opens sessions either way. SESSIONS=required npm start
//   runs the API as deployed (main.ts's default).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { serveApp } from './serve-app.mjs'

const apiPort = Number(process.env.API_PORT ?? 3000)
const appPort = Number(process.env.APP_PORT ?? 8080)
const api = `http://127.0.0.1:${apiPort}`

const server = spawn(process.execPath, ['dist/server/main.mjs'], {
  env: {
    // The demo accounts, their token list and the QA routes; the app's own origin may call the API.
    DEMO: '1',
    CORS_ORIGINS: `http://127.0.0.1:${appPort},http://localhost:${appPort}`,
    ...process.env,
    PORT: String(apiPort),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SESSIONS: process.env.SESSIONS || 'optional',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
})
server.on('exit', (code) => {
  console.error(`The account API stopped (exit ${code}).`)
  process.exit(code ?? 1)
})
// Whatever ends this process (a busy app port, Ctrl-C) ends the API with it.
process.on('exit', () => server.kill())

async function waitForApi() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${api}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`The account API did not answer on ${api}/health within 10 s`)
}

await waitForApi()
const { url } = await serveApp({ port: appPort, apiOrigins: [api], sourceMaps: process.env.APP_SOURCE_MAPS === '1' })

const apiParam = apiPort === 3000 ? '' : `&api=${encodeURIComponent(api)}`
console.log(`\nAccount API  ${api}  (OpenAPI: ${api}/openapi.json)\nApp          ${url}\n`)
for (const device of ['uma', 'iris', 'low']) {
  for (const resolution of ['720p', '1080p', '2160p']) {
    const entry = device === 'iris' ? '&entry=iris' : ''
    console.log(`  ${device.padEnd(4)} ${resolution.padEnd(5)}  ${url}?device=${device}&resolution=${resolution}${entry}&scenario=overdue${apiParam}`)
  }
}
console.log(`\nOther demo accounts: replace scenario=overdue with healthy, new-customer, restricted or premium (its purchase PIN is printed above with its token). Ctrl-C stops.`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.removeAllListeners('exit')
    process.exit(0)
  })
}
await once(server, 'exit')
