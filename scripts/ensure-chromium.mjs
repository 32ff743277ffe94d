// The real-browser suite drives Debian's Chromium (never a downloaded browser).
// Present: exit 0. Missing: install it when we are root with apt-get, otherwise
// fail with the exact command to run.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const INSTALL = 'apt-get update && apt-get install -y chromium'

if (existsSync(CHROMIUM)) {
  process.exit(0)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0

if (!isRoot || !hasApt) {
  console.error(`ensure-chromium: ${CHROMIUM} is missing; the real-browser tests need Debian's Chromium.`)
  console.error(hasApt ? `Install it with:\n\n  sudo sh -c '${INSTALL}'\n` : `Install Chromium so that ${CHROMIUM} exists (on Debian: ${INSTALL}), or set CHROMIUM_PATH.`)
  process.exit(1)
}

console.log(`ensure-chromium: ${CHROMIUM} is missing; running: ${INSTALL}`)
const result = spawnSync('sh', ['-c', INSTALL], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
})
if (result.status !== 0 || !existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: installing Chromium failed (exit ${result.status}). Run it by hand: ${INSTALL}`)
  process.exit(1)
}
console.log(`ensure-chromium: installed ${CHROMIUM}`)
