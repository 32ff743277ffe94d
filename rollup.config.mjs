// Builds the box app (dist/app) and the reference API (dist/server) in one run.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import resolve from '@rollup/plugin-node-resolve'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import esbuild from 'rollup-plugin-esbuild'
import terser from '@rollup/plugin-terser'
import { build } from 'esbuild'
import { translationFiles, TRANSLATIONS_DIR } from './scripts/translations.mjs'

const production = process.env.BUILD !== 'development'

/** Copies static/, the merged translations and the few vendor files the app loads at run time (font, inspector). */
const copyStatic = () => ({
  name: 'copy-static',
  buildStart() {
    for (const file of readdirSync(TRANSLATIONS_DIR)) this.addWatchFile(`${TRANSLATIONS_DIR}/${file}`)
  },
  writeBundle() {
    mkdirSync('dist/app/fonts', { recursive: true })
    cpSync('static', 'dist/app', { recursive: true })
    for (const [name, content] of Object.entries(translationFiles())) writeFileSync(`dist/app/${name}`, JSON.stringify(content))
    for (const weight of ['400', '700']) {
      cpSync(
        `node_modules/@fontsource/roboto/files/roboto-latin-${weight}-normal.woff2`,
        `dist/app/fonts/roboto-${weight}.woff2`,
      )
    }
    cpSync('node_modules/@fontsource/roboto/LICENSE', 'dist/app/fonts/LICENSE')
    cpSync('node_modules/@lightningjs/core/devtools/lightning-inspect.es5.js', 'dist/app/lightning-inspect.js')
  },
})

/**
 * The app needs the contract's schemas as data, not TypeBox's builder (~80 KB
 * minified): evaluate src/contract at build time and ship its schemas as JSON.
 */
const contractAsJson = () => ({
  name: 'contract-as-json',
  async load(id) {
    if (!id.endsWith('/src/contract/index.ts')) return null
    const bundled = await build({ entryPoints: [id], bundle: true, format: 'esm', platform: 'node', write: false, metafile: true, logLevel: 'error' })
    for (const input of Object.keys(bundled.metafile?.inputs ?? {})) this.addWatchFile(input)
    const contract = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`)
    const values = Object.entries(contract).filter(([, value]) => typeof value !== 'function')
    // Plain helpers (functions) come from http.ts as written; local exports shadow its values.
    return [`export * from './http'`, ...values.map(([name, value]) => `export const ${name} = ${JSON.stringify(value)}`)].join('\n')
  },
})

const app = {
  input: 'src/index.ts',
  output: {
    file: 'dist/app/appBundle.js',
    format: 'iife',
    sourcemap: true,
  },
  plugins: [
    contractAsJson(),
    // One copy of core: ui-components pins an old peer range (see package.json overrides).
    resolve({ browser: true, dedupe: ['@lightningjs/core'], extensions: ['.ts', '.mjs', '.js', '.json'] }),
    commonjs(),
    json(),
    esbuild({ target: 'es2019', tsconfig: 'tsconfig.json' }),
    production &&
      terser({
        // Lightning's state machine reads class and function names.
        keep_classnames: true,
        keep_fnames: true,
        format: { comments: false },
      }),
    copyStatic(),
  ],
  onwarn(warning, warn) {
    // The SDK's own modules use `this` at top level and circular imports; both are harmless.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
}

const server = {
  input: { main: 'src/server/main.ts' },
  output: { dir: 'dist/server', format: 'es', sourcemap: true, entryFileNames: '[name].mjs' },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  plugins: [
    resolve({ preferBuiltins: true, exportConditions: ['node'], extensions: ['.ts', '.mjs', '.js', '.json'] }),
    json(),
    esbuild({ target: 'node20', tsconfig: 'tsconfig.json' }),
  ],
}

export default [app, server]
