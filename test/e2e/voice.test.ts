// Voice guidance in a real browser (issue 18): the built app launched with voice=1 speaks
// through the Web Speech API, here a recording speechSynthesis (an init script replaces
// speak and cancel; each phrase "takes" 15 ms a character, so a phrase can be cut).
// Walks home → invoices → Down → Green → Info → an invoice → Back and checks what was said.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openBox, startSession, type Box, type Session } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

interface Heard {
  kind: 'speak' | 'cancel'
  text?: string
  lang?: string
}

/** Runs in the page before the app: speechSynthesis records what it is asked, and says nothing; `platform`: the box's accessibility settings. */
function recordingSpeech(platform?: unknown): void {
  if (platform) (window as unknown as { gestaoDeContaAccessibility: unknown }).gestaoDeContaAccessibility = platform
  const heard: Heard[] = []
  const speaking = new Set<SpeechSynthesisUtterance>()
  const finish = (utterance: SpeechSynthesisUtterance, event: 'end' | 'error') => {
    if (!speaking.delete(utterance)) return
    if (event === 'end') utterance.onend?.(new Event('end') as SpeechSynthesisEvent)
    else utterance.onerror?.(new Event('error') as SpeechSynthesisErrorEvent)
  }
  const synth = {
    speak(utterance: SpeechSynthesisUtterance) {
      heard.push({ kind: 'speak', text: utterance.text, lang: utterance.lang })
      speaking.add(utterance)
      setTimeout(() => finish(utterance, 'end'), 15 * utterance.text.length)
    },
    cancel() {
      heard.push({ kind: 'cancel' })
      for (const utterance of [...speaking]) finish(utterance, 'error')
    },
    getVoices: () => [],
  }
  class Utterance {
    lang = ''
    voice: unknown = null
    onend: ((event: Event) => void) | null = null
    onerror: ((event: Event) => void) | null = null
    constructor(readonly text: string) {}
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true })
  ;(window as unknown as { heard: Heard[] }).heard = heard
}

async function openWithVoice(params: Record<string, string>): Promise<{ box: Box; heard: () => Promise<Heard[]>; saidSince: (from: number, phrase: string | RegExp) => Promise<Heard[]> }> {
  const box = await openBox(session, '1080p', params, recordingSpeech)
  const heard = () => box.page.evaluate(() => (window as unknown as { heard: Heard[] }).heard)
  /** Waits until `phrase` is said after entry `from`, then for the speech to settle; returns what came since. */
  const saidSince = async (from: number, phrase: string | RegExp) => {
    const matches = (entry: Heard) => entry.kind === 'speak' && (typeof phrase === 'string' ? entry.text!.startsWith(phrase) : phrase.test(entry.text!))
    const deadline = Date.now() + 15_000
    while (!(await heard()).slice(from).some(matches)) {
      if (Date.now() > deadline) throw new Error(`never said: ${phrase}; heard: ${JSON.stringify((await heard()).slice(from))}`)
      await box.page.waitForTimeout(100)
    }
    return (await heard()).slice(from)
  }
  return { box, heard, saidSince }
}

test('with voice=1: arrival, focus with position, Green repeats, Info reads the screen, speech cut when focus moves', async () => {
  const { box, heard, saidSince } = await openWithVoice({ scenario: 'overdue', voice: '1' })
  const spoken = (entries: Heard[]) => entries.filter((entry) => entry.kind === 'speak').map((entry) => entry.text!)

  // Home: the greeting, then the focused card with its amount in words, in pt-PT.
  const home = await saidSince(0, /^Em atraso/)
  expect(spoken(home).slice(0, 2)).toEqual(['Olá, João Sousa', 'Faturas'])
  expect(spoken(home)[2]).toMatch(/^[a-z ]+ euros e [a-z ]+ cêntimos$/)
  expect(home.every((entry) => entry.kind === 'cancel' || entry.lang === 'pt-PT')).toBe(true)

  // Invoices open on the most urgent one, October (overdue), second of the account's 26 (read in pages, issue 20). Title and main fact on
  // arrival; Up while they are still being said cuts them and says November with its position.
  let from = (await heard()).length
  await box.page.keyboard.press('Enter')
  await saidSince(from, 'Faturas')
  await box.page.keyboard.press('ArrowUp')
  const moved = await saidSince(from, 'um de vinte e seis')
  const title = moved.findIndex((entry) => entry.text === 'Faturas')
  const cut = moved.findIndex((entry, i) => i > title && entry.kind === 'cancel')
  const november = moved.findIndex((entry) => entry.kind === 'speak' && entry.text!.startsWith('Fatura de novembro de dois mil e vinte e seis'))
  // (Its main fact, if Up came before it was said, is heard with Info below.)
  expect(cut).toBeGreaterThan(title)
  expect(november).toBeGreaterThan(cut)
  // What was cut is not finished: the row focused on arrival and its position were never all said.
  expect(spoken(moved.slice(title, cut + 1))).not.toContain('dois de vinte e seis')
  expect(moved[november]!.text).toMatch(/^Fatura de novembro de dois mil e vinte e seis, .+ euros e .+ cêntimos, Por pagar$/)
  expect(moved.at(-1)).toEqual({ kind: 'speak', text: 'um de vinte e seis', lang: 'pt-PT' })

  // Green: the last utterance again, as one.
  from = (await heard()).length
  await box.press('F2')
  const repeated = await saidSince(from, 'Fatura de novembro')
  expect(spoken(repeated)).toEqual([`${moved[november]!.text}. um de vinte e seis.`])

  // Info: the whole screen, the arrival and the rows in view.
  from = (await heard()).length
  await box.press('i')
  const screen = spoken(await saidSince(from, 'Faturas.'))
  expect(screen).toHaveLength(1)
  expect(screen[0]).toMatch(/^Faturas\. [a-z]+ faturas por pagar, .+\. Fatura de novembro de dois mil e vinte e seis, .+ Fatura de outubro de dois mil e vinte e seis, /)

  // An invoice: its number, total, status and due date in words.
  from = (await heard()).length
  await box.press('Enter')
  const invoice = spoken(await saidSince(from, /^Total com IVA/))
  expect(invoice[0]).toMatch(/^Fatura FT \d{4}\/\d+$/)
  expect(invoice[1]).toMatch(/^.+ euros e .+ cêntimos, Por pagar, a pagar até [a-z ]+ de [a-z]+ de dois mil e vinte e seis\.$/)

  // Back: the list again, on the invoice that was open.
  from = (await heard()).length
  await box.press('Backspace')
  const back = spoken(await saidSince(from, 'um de vinte e seis'))
  expect(back[0]).toBe('Faturas')
  expect(back.at(-2)).toMatch(/^Fatura de novembro de dois mil e vinte e seis/)
  // Nothing said as figures: no "70,35 €", no "20/12/2026".
  expect(spoken(await heard()).filter((text) => /\d+,\d\d\s?€|\d\d\/\d\d\/\d{4}/.test(text))).toEqual([])
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('without voice=1 nothing is spoken', async () => {
  const box = await openBox(session, '1080p', { scenario: 'overdue' }, recordingSpeech)
  await box.waitForText('Olá, João Sousa')
  await box.press('Enter', 'ArrowDown', 'F2', 'i')
  await box.waitForText('Últimos 12 meses')
  expect(await box.page.evaluate(() => (window as unknown as { heard: Heard[] }).heard)).toEqual([])
  expect(box.errors).toEqual([])
  await box.page.close()
})

test("the box's own setting turns voice guidance on when the launch URL says nothing", async () => {
  const box = await openBox(session, '1080p', { scenario: 'overdue' }, recordingSpeech, { voiceGuidance: true })
  await box.waitForText('Olá, João Sousa')
  const deadline = Date.now() + 10_000
  let heard: Heard[] = []
  while (heard.length === 0 && Date.now() < deadline) {
    await box.page.waitForTimeout(200)
    heard = await box.page.evaluate(() => (window as unknown as { heard: Heard[] }).heard)
  }
  expect(heard[0]).toEqual({ kind: 'speak', text: 'Olá, João Sousa', lang: 'pt-PT' })
  expect(box.errors).toEqual([])
  await box.page.close()
})
