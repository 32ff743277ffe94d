import resolve from '@rollup/plugin-node-resolve'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import terser from '@rollup/plugin-terser'
export default ['a','b','c'].map((n) => ({
  input: `/work/wt-voice/.probe/${n}.mjs`,
  output: { file: `/work/wt-voice/.probe/out-${n}.js`, format: 'iife' },
  plugins: [resolve({ browser: true, dedupe: ['@lightningjs/core'] }), commonjs(), json(), terser({ keep_classnames: true, keep_fnames: true, format: { comments: false } })],
  onwarn() {},
}))
