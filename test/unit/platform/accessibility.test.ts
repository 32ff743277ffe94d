// Voice guidance, high contrast and large text follow the box's own settings where the
// launch URL says nothing (issue 18); default off.
import { describe, expect, it } from 'vitest'
import settings from '../../../settings.json'
import { followPlatform } from '../../../src/platform/accessibility'
import { parseLaunch, type LaunchConfig } from '../../../src/platform/launch'

const launch = (search: string, platform?: Parameters<typeof followPlatform>[2]) => followPlatform(parseLaunch(search, settings.launch as LaunchConfig).config, search, platform)

describe('the platform accessibility setting', () => {
  it('is off by default: no setting, no URL parameter, nothing spoken, default theme', () => {
    expect(launch('')).toMatchObject({ voice: false, contrast: 'normal', text: 'normal', motion: 'full' })
    expect(launch('', {})).toMatchObject({ voice: false, contrast: 'normal', text: 'normal' })
  })

  it('turns voice guidance, high contrast and large text on when the box has them on', () => {
    expect(launch('', { voiceGuidance: true, highContrast: true, largeText: true, reducedMotion: true })).toMatchObject({ voice: true, contrast: 'high', text: 'large', motion: 'reduced' })
    expect(launch('?lang=en', { voiceGuidance: true })).toMatchObject({ voice: true, contrast: 'normal', text: 'normal', lang: 'en' })
  })

  it('leaves them off when the box has them off or says something that is not on/off', () => {
    expect(launch('', { voiceGuidance: false, highContrast: 'yes', largeText: 1, reducedMotion: 'on' })).toMatchObject({ voice: false, contrast: 'normal', text: 'normal', motion: 'full' })
  })

  it('gives way to the launch URL, which says it explicitly', () => {
    expect(launch('?voice=0&contrast=normal', { voiceGuidance: true, highContrast: true })).toMatchObject({ voice: false, contrast: 'normal' })
    expect(launch('?voice=1', { voiceGuidance: false })).toMatchObject({ voice: true })
    expect(launch('?motion=full', { reducedMotion: true })).toMatchObject({ motion: 'full' })
  })
})
