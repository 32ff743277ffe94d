// Voice guidance's way out (issue 18; DESIGN §8): one interface, SpeechEngine, and
// where it comes from. In a browser, the Web Speech API with a pt-PT or English
// voice; on a box without it, the platform's text-to-speech, which the box's
// integration hands over as `window.gestaoDeContaTts` before the app starts (the
// slot: speak/cancel, see PlatformTts). Voice wraps an engine for the
// ui-components Announcer (withAnnouncer's speak function): it cuts what is being
// said when something new comes, and remembers the last utterance for the repeat key.
import type { Lang } from './launch'

export interface SpeechEngine {
  /** Says one phrase; resolves when it has been said or was cut short, never rejects. */
  speak(text: string): Promise<void>
  /** Stops at once whatever is being said or waiting to be said. */
  cancel(): void
}

/** What a box's integration provides when its firmware speaks (e.g. an RDK TextToSpeech service). */
export interface PlatformTts {
  speak(text: string, lang: string): Promise<void> | void
  cancel(): void
}

/** BCP 47 tags the speech engines are asked for: European Portuguese, British English. */
export const SPEECH_LOCALE: Record<Lang, string> = { pt: 'pt-PT', en: 'en-GB' }

/** The best installed voice for a locale: the exact one (pt-PT), else the language (any pt), else none (the engine's default for utterance.lang). */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], locale: string): SpeechSynthesisVoice | undefined {
  const normal = (tag: string): string => tag.replace('_', '-').toLowerCase()
  const language = normal(locale).split('-')[0]
  return (
    voices.find((voice) => normal(voice.lang) === normal(locale)) ??
    voices.find((voice) => normal(voice.lang).split('-')[0] === language)
  )
}

type UtteranceConstructor = new (text: string) => SpeechSynthesisUtterance

/** The Web Speech API: speechSynthesis.speak with a SpeechSynthesisUtterance in the app's language. */
export function webSpeechEngine(synth: SpeechSynthesis, Utterance: UtteranceConstructor, lang: Lang): SpeechEngine {
  const locale = SPEECH_LOCALE[lang]
  return {
    speak(text) {
      return new Promise((resolve) => {
        const utterance = new Utterance(text)
        utterance.lang = locale
        // Voices load late in some browsers: choose at each utterance, not once.
        const voice = pickVoice(synth.getVoices(), locale)
        if (voice) utterance.voice = voice
        // A cut ("interrupted", "canceled") or a failed voice ends this phrase, never the app.
        utterance.onend = () => resolve()
        utterance.onerror = () => resolve()
        synth.speak(utterance)
      })
    },
    cancel() {
      synth.cancel()
    },
  }
}

/** The box's text-to-speech behind the same interface. */
export function platformSpeechEngine(tts: PlatformTts, lang: Lang): SpeechEngine {
  const locale = SPEECH_LOCALE[lang]
  return {
    async speak(text) {
      try {
        await tts.speak(text, locale)
      } catch {
        // As with the Web Speech API: a failed phrase is silence, not a broken screen.
      }
    },
    cancel() {
      tts.cancel()
    },
  }
}

export interface SpeechHost {
  gestaoDeContaTts?: PlatformTts
  speechSynthesis?: SpeechSynthesis
  SpeechSynthesisUtterance?: UtteranceConstructor
}

/** The platform's TTS when the box provides one, else the Web Speech API, else null (nothing can speak). */
export function createSpeechEngine(host: SpeechHost, lang: Lang): SpeechEngine | null {
  if (host.gestaoDeContaTts) return platformSpeechEngine(host.gestaoDeContaTts, lang)
  if (host.speechSynthesis && host.SpeechSynthesisUtterance) return webSpeechEngine(host.speechSynthesis, host.SpeechSynthesisUtterance, lang)
  return null
}

/** What the Announcer hands over: the ui-components SpeechType. */
export type Speakable = string | undefined | Speakable[] | Promise<Speakable> | (() => Speakable)

/** What withAnnouncer expects back from its speak function. */
export interface SpeechSeries {
  series: Promise<void>
  readonly active: boolean
  append(more: Speakable): void
  cancel(): void
}

/** Phrases as one utterance, each ending on its own stop: "Faturas. Duas por pagar." */
export function asOneUtterance(phrases: readonly string[]): string {
  return phrases.map((phrase) => (/[.!?:;]$/.test(phrase) ? phrase : `${phrase}.`)).join(' ')
}

async function phrasesOf(speakable: Speakable): Promise<string[]> {
  if (speakable instanceof Promise) return phrasesOf((await (speakable as Promise<unknown>)) as Speakable)
  if (typeof speakable === 'function') return phrasesOf(speakable())
  if (Array.isArray(speakable)) return (await Promise.all(speakable.map(phrasesOf))).flat()
  const text = speakable?.trim()
  return text ? [text] : []
}

/**
 * The speaking side of voice guidance: one series at a time (a new one cuts the
 * last, as focus moves), and the last complete utterance kept for "repeat".
 */
export class Voice {
  private current: SpeechSeries | null = null
  private lastSaid = ''

  constructor(private readonly engine: SpeechEngine) {}

  /** What was said last, as one text: the repeat key says it again. */
  get last(): string {
    return this.lastSaid
  }

  /** The speak function for withAnnouncer(App, voice.speak). */
  readonly speak = (speakable: Speakable): SpeechSeries => {
    this.current?.cancel()
    const queue: Speakable[] = [speakable]
    const said: string[] = []
    let active = true
    const run = async (): Promise<void> => {
      try {
        while (active && queue.length > 0) {
          const phrases = await phrasesOf(queue.shift())
          if (!active) break
          said.push(...phrases)
          if (phrases.length > 0) this.lastSaid = asOneUtterance(said)
          for (const phrase of phrases) {
            if (!active) break
            await this.engine.speak(phrase)
          }
        }
      } finally {
        active = false
      }
    }
    const series: SpeechSeries = {
      series: run(),
      get active() {
        return active
      },
      append: (more) => {
        queue.push(more)
      },
      cancel: () => {
        if (!active) return
        active = false
        this.engine.cancel()
      },
    }
    this.current = series
    return series
  }

  /** Says the last utterance again (the repeat key). */
  repeat(): SpeechSeries | null {
    return this.lastSaid ? this.speak(this.lastSaid) : null
  }

  cancel(): void {
    this.current?.cancel()
  }
}
