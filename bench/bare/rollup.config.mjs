// The bare Lightning app (bench/bare/dist): the same plugins and terser options as
// the app's rollup.config.mjs, so the JS ratio compares code, not build settings.
// Run from the repository root: rollup -c bench/bare/rollup.config.mjs
import { cpSync, mkdirSync } from 'node:fs'
import resolve from '@rollup/plugin-node-resolve'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import esbuild from 'rollup-plugin-esbuild'
import terser from '@rollup/plugin-terser'

export default {
  input: 'bench/bare/src/index.ts',
  output: { file: 'bench/bare/dist/appBundle.js', format: 'iife', sourcemap: false },
  plugins: [
    // ui-components pins an old core peer range: one copy of core, as in the app.
    resolve({ browser: true, dedupe: ['@lightningjs/core'], extensions: ['.ts', '.mjs', '.js', '.json'] }),
    commonjs(),
    json(),
    esbuild({ target: 'es2019', tsconfig: 'tsconfig.json' }),
    terser({ keep_classnames: true, keep_fnames: true, format: { comments: false } }),
    {
      name: 'copy-static',
      writeBundle() {
        mkdirSync('bench/bare/dist', { recursive: true })
        cpSync('bench/bare/static', 'bench/bare/dist', { recursive: true })
      },
    },
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
}
