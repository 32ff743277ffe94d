// The server suite (test/unit/server) against a real PostgreSQL (issue 9): `npm run test:pg`.
//   DATABASE_URL=postgres://…  use that server (the role needs CREATE on the database:
//                              every test server gets a schema of its own, dropped after)
//   unset                      a throwaway cluster (scripts/pg-cluster.mjs), stopped and
//                              deleted afterwards, pass or fail
// Extra arguments go to vitest (e.g. a file filter).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { startCluster, stopOnExit } from './pg-cluster.mjs'

const cluster = process.env.DATABASE_URL ? null : await startCluster()
const url = process.env.DATABASE_URL ?? cluster.url
const stop = stopOnExit(cluster)

const args = process.argv.slice(2)
const files = args.some((arg) => !arg.startsWith('-')) ? [] : ['test/unit/server']
const vitest = spawn(process.execPath, [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'unit', ...files, ...args], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
})
vitest.on('exit', (code, signal) => {
  stop()
  process.exit(code ?? (signal ? 1 : 0))
})
