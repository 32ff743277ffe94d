// A throwaway PostgreSQL cluster: initdb + pg_ctl from Debian's postgresql package, in a
// temp dir, on a free 127.0.0.1 port, as the `postgres` user when we are root (initdb
// refuses root); stopped and deleted afterwards. Durability is off (fsync): it is for tests.
//   node scripts/pg-cluster.mjs <command…>   runs the command with DATABASE_URL set to it,
//                                            e.g. sh -c 'LOAD_DATABASE_URL=$DATABASE_URL npm run load'
//   PG_BIN   the directory of initdb/pg_ctl (default: the newest /usr/lib/postgresql/<version>/bin)
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const INSTALL = 'apt-get install -y postgresql'

function pgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  if (versions.length === 0) {
    console.error(`pg-cluster: no PostgreSQL server binaries under ${root}; install them (Debian: ${INSTALL}) or set DATABASE_URL or PG_BIN.`)
    process.exit(1)
  }
  versions.sort((a, b) => Number(b) - Number(a))
  return join(root, versions[0], 'bin')
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** initdb refuses to run as root: run the server binaries as `postgres` (the Debian package's user). */
function asServerUser(command, args) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if (!root) return [command, args]
  if (spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status !== 0) {
    console.error(`pg-cluster: running as root and there is no "postgres" user to run the server as (Debian: ${INSTALL}), or set DATABASE_URL.`)
    process.exit(1)
  }
  return ['runuser', ['-u', 'postgres', '--', command, ...args]]
}

function run(command, args) {
  const [cmd, argv] = asServerUser(command, args)
  const result = spawnSync(cmd, argv, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}`)
  return result.stdout
}

/** Starts a cluster; `url` is a superuser connection, `stop()` stops it and deletes its files. */
export async function startCluster() {
  const bin = pgBin()
  const dir = mkdtempSync(join(tmpdir(), 'gestao-pg-'))
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim())
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
    if (Number.isInteger(uid) && Number.isInteger(gid)) chownSync(dir, uid, gid)
  }
  chmodSync(dir, 0o700)
  const data = join(dir, 'data')
  const port = await freePort()
  // C.UTF-8: code-point order, as SQLite compares text (the server's ORDER BYs rely on it).
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  // A throwaway cluster: durability off for speed; TCP on 127.0.0.1 only, socket in the temp dir.
  const options = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${dir}`, '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200']
  try {
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options.join(' '), 'start'])
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`${error.message}\n${log}`)
  }
  console.log(`pg-cluster: throwaway PostgreSQL (${bin}) on 127.0.0.1:${port}, data in ${data}`)
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } catch (error) {
        console.error(`pg-cluster: stopping the cluster: ${error.message}`)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}


/** Stops the cluster once, whatever ends this process. */
export function stopOnExit(cluster) {
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    cluster?.stop()
  }
  process.on('exit', stop)
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))
  return stop
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2)
  if (!command) {
    console.error('usage: node scripts/pg-cluster.mjs <command> [args…]  (runs it with DATABASE_URL set to a throwaway cluster)')
    process.exit(2)
  }
  const cluster = await startCluster()
  const stop = stopOnExit(cluster)
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: cluster.url } })
  // Ctrl-C or a kill ends the command first (it may be using the cluster), then the cluster.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal)
    process.on(signal, () => child.kill(signal))
  }
  child.on('exit', (code, signal) => {
    stop()
    process.exit(code ?? (signal ? 130 : 0))
  })
}
