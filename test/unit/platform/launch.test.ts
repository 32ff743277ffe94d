import { describe, expect, it } from 'vitest'
import settings from '../../../settings.json'
import { parseLaunch, type LaunchConfig } from '../../../src/platform/launch'

const defaults = settings.launch as LaunchConfig

describe('accessibility launch parameters', () => {
  it('are off by default: no voice, normal contrast, normal text', () => {
    const { config, problems } = parseLaunch('', defaults)
    expect(config).toMatchObject({ voice: false, contrast: 'normal', text: 'normal', motion: 'full' })
    expect(problems).toEqual([])
  })

  it('turn on voice guidance, high contrast and large text', () => {
    const { config, problems } = parseLaunch('?voice=1&contrast=high&text=large&motion=reduced', defaults)
    expect(config).toMatchObject({ voice: true, contrast: 'high', text: 'large', motion: 'reduced' })
    expect(problems).toEqual([])
    expect(parseLaunch('?voice=true', defaults).config.voice).toBe(true)
    expect(parseLaunch('?voice=0', { ...defaults, voice: true }).config.voice).toBe(false)
  })

  it('keep the default and say so when a value is not understood', () => {
    const { config, problems } = parseLaunch('?voice=yes&contrast=max&text=huge&motion=none', defaults)
    expect(config).toMatchObject({ voice: false, contrast: 'normal', text: 'normal', motion: 'full' })
    expect(problems).toEqual([
      { param: 'voice', value: 'yes', fallback: 'false' },
      { param: 'contrast', value: 'max', fallback: 'normal' },
      { param: 'text', value: 'huge', fallback: 'normal' },
      { param: 'motion', value: 'none', fallback: 'full' },
    ])
  })
})
