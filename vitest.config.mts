import { defineConfig } from 'vitest/config'

// Unit suites run in Node; component suites run Lightning in canvas2d mode on
// happy-dom, whose missing canvas is supplied by vitest-canvas-mock.
export default defineConfig({
  resolve: { dedupe: ['@lightningjs/core'] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['test/component/setup.ts'],
          // Each test draws hundreds of real Lightning frames: on a loaded 2-core box one took 8 s.
          testTimeout: 30_000,
          server: { deps: { inline: [/@lightningjs/] } },
        },
      },
    ],
  },
})
