import { describe, expect, it, vi } from 'vitest'
import { createSpeechEngine, pickVoice, Voice, webSpeechEngine, type SpeechEngine } from '../../../src/platform/speech'

/** A stand-in for window.speechSynthesis: keeps what it was asked to say; `finish` ends the current utterance. */
class FakeSynth {
  spoken: SpeechSynthesisUtterance[] = []
  cancelled = 0
  voices: SpeechSynthesisVoice[] = []
  getVoices(): SpeechSynthesisVoice[] {
    return this.voices
  }
  speak(utterance: SpeechSynthesisUtterance): void {
    this.spoken.push(utterance)
  }
  cancel(): void {
    this.cancelled++
    for (const utterance of this.spoken) utterance.onerror?.({ error: 'interrupted' } as SpeechSynthesisErrorEvent)
  }
  finish(): void {
    const utterance = this.spoken[this.spoken.length - 1]
    utterance.onend?.({} as SpeechSynthesisEvent)
  }
}

class FakeUtterance {
  lang = ''
  voice: SpeechSynthesisVoice | null = null
  onend: ((event: SpeechSynthesisEvent) => void) | null = null
  onerror: ((event: SpeechSynthesisErrorEvent) => void) | null = null
  constructor(readonly text: string) {}
}

const voice = (lang: string, name: string): SpeechSynthesisVoice => ({ lang, name }) as SpeechSynthesisVoice

/** An engine that says each phrase at once and records it. */
function recordingEngine(): SpeechEngine & { said: string[]; cancels: number } {
  const engine = {
    said: [] as string[],
    cancels: 0,
    speak: async (text: string) => {
      engine.said.push(text)
    },
    cancel: () => {
      engine.cancels++
    },
  }
  return engine
}

describe('pickVoice', () => {
  it('prefers the exact locale, then the language, else none', () => {
    const voices = [voice('pt-BR', 'Brasil'), voice('en-US', 'US'), voice('pt_PT', 'Portugal'), voice('en-GB', 'UK')]
    expect(pickVoice(voices, 'pt-PT')?.name).toBe('Portugal')
    expect(pickVoice(voices, 'en-GB')?.name).toBe('UK')
    expect(pickVoice([voice('pt-BR', 'Brasil')], 'pt-PT')?.name).toBe('Brasil')
    expect(pickVoice([voice('fr-FR', 'France')], 'pt-PT')).toBeUndefined()
  })
})

describe('webSpeechEngine', () => {
  it('speaks an utterance in pt-PT with a Portuguese voice and resolves when it ends', async () => {
    const synth = new FakeSynth()
    synth.voices = [voice('en-GB', 'UK'), voice('pt-PT', 'Joana')]
    const engine = webSpeechEngine(synth as unknown as SpeechSynthesis, FakeUtterance as never, 'pt')
    const done = engine.speak('Faturas')
    expect(synth.spoken).toHaveLength(1)
    expect(synth.spoken[0]).toMatchObject({ text: 'Faturas', lang: 'pt-PT' })
    expect(synth.spoken[0].voice?.name).toBe('Joana')
    synth.finish()
    await expect(done).resolves.toBeUndefined()
  })

  it('resolves, without throwing, when the phrase is cut short', async () => {
    const synth = new FakeSynth()
    const engine = webSpeechEngine(synth as unknown as SpeechSynthesis, FakeUtterance as never, 'en')
    const done = engine.speak('Invoices')
    expect(synth.spoken[0].lang).toBe('en-GB')
    engine.cancel()
    await expect(done).resolves.toBeUndefined()
    expect(synth.cancelled).toBe(1)
  })
})

describe('createSpeechEngine', () => {
  it("uses the box's text-to-speech before the Web Speech API", async () => {
    const tts = { speak: vi.fn(), cancel: vi.fn() }
    const synth = new FakeSynth()
    const engine = createSpeechEngine({ gestaoDeContaTts: tts, speechSynthesis: synth as never, SpeechSynthesisUtterance: FakeUtterance as never }, 'pt')
    await engine?.speak('Olá')
    expect(tts.speak).toHaveBeenCalledWith('Olá', 'pt-PT')
    expect(synth.spoken).toHaveLength(0)
    engine?.cancel()
    expect(tts.cancel).toHaveBeenCalledOnce()
  })

  it("turns a failing box TTS into silence, not a broken screen", async () => {
    const engine = createSpeechEngine({ gestaoDeContaTts: { speak: () => Promise.reject(new Error('tts down')), cancel: () => {} } }, 'pt')
    await expect(engine?.speak('Olá')).resolves.toBeUndefined()
  })

  it('falls back to the Web Speech API, and to nothing when neither exists', () => {
    const synth = new FakeSynth()
    const engine = createSpeechEngine({ speechSynthesis: synth as never, SpeechSynthesisUtterance: FakeUtterance as never }, 'pt')
    void engine?.speak('Olá')
    expect(synth.spoken[0].text).toBe('Olá')
    expect(createSpeechEngine({}, 'pt')).toBeNull()
  })
})

describe('Voice', () => {
  it('says strings, arrays, functions and promises in order and remembers the whole utterance', async () => {
    const engine = recordingEngine()
    const voice = new Voice(engine)
    await voice.speak(['Faturas', () => 'Duas por pagar', Promise.resolve(['', 'Fatura de novembro'])]).series
    expect(engine.said).toEqual(['Faturas', 'Duas por pagar', 'Fatura de novembro'])
    expect(voice.last).toBe('Faturas. Duas por pagar. Fatura de novembro.')
  })

  it('cuts what is being said when something new comes (focus moved)', async () => {
    const engine = recordingEngine()
    const voice = new Voice(engine)
    const first = voice.speak(Promise.resolve(['Primeiro', 'não chega a ser dito']))
    const second = voice.speak('Segundo')
    expect(first.active).toBe(false)
    expect(engine.cancels).toBe(1)
    await Promise.all([first.series, second.series])
    expect(engine.said).toEqual(['Segundo'])
    expect(voice.last).toBe('Segundo.')
  })

  it('appends to a series still speaking', async () => {
    const engine = recordingEngine()
    const voice = new Voice(engine)
    const series = voice.speak('Resultado')
    series.append('Nada foi alterado')
    await series.series
    expect(engine.said).toEqual(['Resultado', 'Nada foi alterado'])
  })

  it('repeats the last utterance, and has nothing to repeat before speaking', async () => {
    const engine = recordingEngine()
    const voice = new Voice(engine)
    expect(voice.repeat()).toBeNull()
    await voice.speak(['Faturas', 'Uma por pagar.']).series
    await voice.repeat()?.series
    expect(engine.said).toEqual(['Faturas', 'Uma por pagar.', 'Faturas. Uma por pagar.'])
  })
})
