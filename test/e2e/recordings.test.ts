// Recordings in a real browser at 720p: the quota-full account (meter, dates,
// protect, delete with confirmation) and the 2 000-recording heavy account
// (only the rows on screen exist; element count and frame times are printed).
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Box, openBox, startSession, type Session } from './harness'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session?.close()
})

/** From home, moves right until the recordings card has focus, and opens it. */
async function openRecordings(box: Box): Promise<void> {
  for (let i = 0; i < 4 && !(await box.focusedTexts()).includes('Gravações'); i++) await box.press('ArrowRight')
  expect(await box.focusedTexts()).toContain('Gravações')
  await box.press('Enter')
  await box.waitForText('Quota de gravações')
  expect(await box.route()).toBe('recordings')
}

/** Waits until the focused element's texts match: a change waits for the server's answer, then the row is redrawn. */
async function waitForFocused(box: Box, pattern: RegExp, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout
  let seen = ''
  while (!pattern.test((seen = (await box.focusedTexts()).join(' ')))) {
    if (Date.now() > deadline) throw new Error(`focus never matched ${pattern}; focused: "${seen}"`)
    await box.page.waitForTimeout(100)
  }
}

/** Lightning elements alive now (the inspector mirrors each as a div with its type), and the list's rows. */
function countElements(box: Box) {
  return box.page.evaluate(() => {
    const list = document.querySelector('[type="RecordingsPage"] [type="VirtualList"]') as (Element & { element?: { renderedCount: number; length: number } }) | null
    return {
      elements: document.querySelectorAll('div[type]').length,
      rows: document.querySelectorAll('[type="RecordingRow"]').length,
      rendered: list?.element?.renderedCount ?? -1,
      items: list?.element?.length ?? -1,
    }
  })
}

test('quota-full: the meter at 98 %, dates in the last 30 days, protect, and delete after a confirmation naming it', async () => {
  const box = await openBox(session, '720p', { scenario: 'quota-full' })
  await box.waitForText('Olá, Inês Almeida')
  const home = await box.texts()
  expect(home).toContain('98%')
  expect(home).toContain('98 h de 100 h usadas (98%)')
  await box.screenshot('home-quota-full')

  await openRecordings(box)
  const texts = await box.texts()
  expect(texts).toContain('98 h de 100 h usadas (98%)')
  expect(texts).toContain('Livre: 2 h')
  expect(texts).toContain('Próximas a apagar')
  expect(texts.filter((text) => /^Disponível até \d\d\/\d\d$/.test(text)).length).toBeGreaterThanOrEqual(3)
  // First to go first: Gladiador leaves on its scheduled date, in 5 days.
  const first = (await box.focusedTexts()).join(' ')
  expect(first).toMatch(/^Gladiador Hollywood · .* Disponível até \d\d\/\d\d/)
  await box.screenshot('recordings-quota-full')

  // Yellow protects, yellow again unprotects.
  await box.press('F3')
  await waitForFocused(box, /^Gladiador.*Protegida/)
  await box.press('F3')
  await waitForFocused(box, /^Gladiador(?!.*Protegida)/)

  // Red asks first, naming the recording; Back keeps it.
  await box.press('F1')
  await box.waitForText('Apagar gravação?')
  expect((await box.texts()).some((text) => /^Apagar «Gladiador» \(Hollywood, \d\d\/\d\d, \d\d:\d\d\)\?/.test(text))).toBe(true)
  expect(await box.focusedTexts()).toEqual(['Cancelar'])
  await box.screenshot('recordings-delete-dialog')
  await box.press('Backspace')
  expect((await box.focusedTexts()).join(' ')).toMatch(/^Gladiador/)
  expect(await box.route()).toBe('recordings')

  // Confirming deletes it; the meter and the list follow the server's answer; focus on the next one.
  await box.press('F1', 'ArrowRight', 'Enter')
  await box.waitForText('95,4 h de 100 h usadas (95%)')
  expect(await box.texts()).not.toContain('Gladiador')
  await waitForFocused(box, /^Telejornal RTP1/)

  // OK opens the options: protect from there.
  await box.press('Enter')
  expect(await box.focusedTexts()).toEqual(['Proteger'])
  await box.press('Enter')
  await waitForFocused(box, /^Telejornal.*Protegida/)
  await box.screenshot('recordings-after-delete')

  await box.press('Backspace')
  await box.waitForText('Olá, Inês Almeida')
  // Home asks again: the card shows the new quota.
  await box.waitForText('95,4 h de 100 h usadas (95%)')
  expect(box.errors).toEqual([])
  await box.page.close()
})

/** The JS heap in use after a full garbage collection (Chrome DevTools Protocol), in bytes. */
async function heapUsed(box: Box): Promise<number> {
  const cdp = await box.page.context().newCDPSession(box.page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

test('heavy: 2 000 recordings, read a page at a time; only the rows on screen exist while scrolling; answer sizes, heap and frame times are measured', async () => {
  const box = await openBox(session, '720p', { scenario: 'heavy' })
  // Every recordings answer the box parses, by size (issue 20: a page, never the whole list).
  const answers: number[] = []
  box.page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/v1/recordings' && response.request().method() === 'GET') {
      void response.body().then((body) => answers.push(body.length))
    }
  })
  await box.waitForText('Olá, Sofia Ramos')
  // The Responsável Técnico sees recordings but not invoices (seed 002).
  expect(await box.texts()).toContain('Sem acesso às faturas')
  await openRecordings(box)
  const atTop = await countElements(box)
  expect(atTop.items).toBe(2000)
  const heapAtTop = await heapUsed(box)

  // Frame intervals while the list scrolls: 60 Down presses at 12 a second, as a held key repeats.
  await box.page.evaluate(() => {
    const w = window as unknown as { frameTimes: number[]; recording: boolean; created: number; watcher: MutationObserver }
    w.frameTimes = []
    w.recording = true
    // Lightning elements built while scrolling (the inspector adds a div with a type for each).
    w.created = 0
    w.watcher = new MutationObserver((changes) => {
      for (const change of changes) for (const node of change.addedNodes) if (node instanceof Element && node.hasAttribute('type')) w.created += 1 + node.querySelectorAll('[type]').length
    })
    w.watcher.observe(document.body, { childList: true, subtree: true })
    let last = performance.now()
    const tick = (now: number) => {
      w.frameTimes.push(now - last)
      last = now
      if (w.recording) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  for (let i = 0; i < 60; i++) {
    await box.page.keyboard.press('ArrowDown')
    await box.page.waitForTimeout(83)
  }
  await box.page.waitForTimeout(500)
  const { frames, created } = await box.page.evaluate(() => {
    const w = window as unknown as { frameTimes: number[]; recording: boolean; created: number; watcher: MutationObserver }
    w.recording = false
    w.watcher.disconnect()
    return { frames: w.frameTimes.slice(1), created: w.created }
  })
  const scrolled = await countElements(box)
  // Past the first page (50): the rows there came with the second page, not a loading row.
  await waitForFocused(box, /^(?!A carregar)./)
  const heapScrolled = await heapUsed(box)
  await box.screenshot('recordings-heavy')

  const sorted = [...frames].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)
  console.log(
    `heavy list at 720p: ${atTop.elements} Lightning elements alive at the top (${atTop.rendered} row elements of ${atTop.items}), ` +
      `${scrolled.elements} after 60 Down (${scrolled.rendered} rows), ${created} elements built while scrolling; frame interval over ${frames.length} frames: ` +
      `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; JS heap ${(heapAtTop / 1e6).toFixed(1)} MB at the top, ${(heapScrolled / 1e6).toFixed(1)} MB after; ` +
      `${answers.length} recordings answers, largest ${answers.length ? Math.max(...answers) : 0} bytes`,
  )
  // The first page and the next one, each under 64 KB.
  expect(answers.length).toBeGreaterThanOrEqual(2)
  expect(Math.max(...answers)).toBeLessThanOrEqual(64_000)
  // 5 visible rows plus a buffer of 2 on each side: never more than 9, whatever the scroll.
  expect(atTop.rendered).toBeLessThanOrEqual(9)
  expect(scrolled.rendered).toBeLessThanOrEqual(9)
  expect(scrolled.rows).toBe(scrolled.rendered)
  // Everything but the rows stays as it was: a row is 7 elements (row, background, content, 4 texts).
  expect(scrolled.elements - atTop.elements).toBe((scrolled.rendered - atTop.rendered) * 7)
  // Rows are moved and refilled, not built: only the buffer rows below the first screen are new (399 built before recycling).
  expect(created).toBeLessThanOrEqual((scrolled.rendered - atTop.rendered) * 7)
  expect(box.errors).toEqual([])
  await box.page.close()
})

test('restricted: the Utilizador reads why recordings are refused and who can help', async () => {
  const box = await openBox(session, '720p', { scenario: 'restricted' })
  await box.waitForText('Sem acesso às gravações')
  expect(await box.texts()).toContain('As gravações só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável Técnico da conta.')
  for (let i = 0; i < 4 && !(await box.focusedTexts()).includes('Gravações'); i++) await box.press('ArrowRight')
  await box.press('Enter')
  await box.waitForText('Quem pode ver esta secção')
  expect(await box.route()).toBe('access/recordings')
  await box.page.evaluate(() => {
    location.hash = '#recordings'
  })
  await box.waitForText('Peça a: Administrador, Responsável Delegado, Responsável Técnico.')
  expect(await box.texts()).toContain('Sem acesso')
  expect(await box.texts()).toContain('As gravações só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável Técnico da conta. Peça a: Administrador, Responsável Delegado, Responsável Técnico.')
  // A refusal: trying again cannot help, so Voltar alone is offered.
  expect(await box.focusedTexts()).toEqual(['Voltar'])
  // The browser logs the refused request itself; the app adds no error of its own.
  expect(box.errors.filter((error) => !error.includes('403 (Forbidden)'))).toEqual([])
  await box.page.close()
})
