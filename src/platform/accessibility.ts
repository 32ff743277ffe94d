// The box's own accessibility settings (issue 18; DESIGN §8): voice guidance, high
// contrast, large text and reduced motion follow them, unless the launch URL says otherwise. A box's
// integration that reads its firmware's settings (e.g. RDK's TextToSpeech "enabled", an
// Android TV TalkBack or high-contrast switch) hands them over as
// `window.gestaoDeContaAccessibility` before the app starts, as it hands over its
// text-to-speech (`gestaoDeContaTts`, ./speech.ts). Absent, or a value that is not a
// boolean: the setting is off, as on a box without one.
import type { LaunchConfig } from './launch'

/** What a box's integration provides: each setting the firmware has, on or off. */
export interface PlatformAccessibility {
  voiceGuidance?: unknown
  highContrast?: unknown
  largeText?: unknown
  reducedMotion?: unknown
}

type Followed = Pick<LaunchConfig, 'voice' | 'contrast' | 'text' | 'motion'>

/**
 * The launch configuration with the platform's settings for what the launch URL left
 * unsaid: `voice`, `contrast`, `text` and `motion` given in the URL win (QA and support open the app
 * with them); otherwise the box's setting; otherwise off.
 */
export function followPlatform<C extends Followed>(config: C, search: string, platform: PlatformAccessibility | undefined): C {
  if (!platform) return config
  const query = new URLSearchParams(search)
  const followed = { ...config }
  if (!query.has('voice') && platform.voiceGuidance === true) followed.voice = true
  if (!query.has('contrast') && platform.highContrast === true) followed.contrast = 'high'
  if (!query.has('text') && platform.largeText === true) followed.text = 'large'
  if (!query.has('motion') && platform.reducedMotion === true) followed.motion = 'reduced'
  return followed
}
