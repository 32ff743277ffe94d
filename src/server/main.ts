// Command-line entry of the reference account API (bundled to dist/server/main.mjs). Every
// setting is an environment variable: docs/production.md has the table, start.ts reads them.
import { start, StartError } from './start'

start(process.env)
  .then(({ app, close }) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app.log.info(`${signal}: closing`)
        void close()
      })
    }
  })
  .catch((error: unknown) => {
    console.error(error instanceof StartError ? error.message : error)
    process.exitCode = 1
  })
