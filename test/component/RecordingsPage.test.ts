// recordings: the quota meter, the list by deletion date, the preview of automatic
// management, and protect / delete from the remote with the confirmation dialog.
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { Value } from 'typebox/value'
import { RecordingChange, RecordingList, type RecordingListQuery } from '../../src/contract'
import type { Fetched } from '../../src/data/client'
import { ApiError } from '../../src/data/client'
import type { Loaded } from '../../src/data/load'
import { provideServices } from '../../src/app/shell/services'
import { COLOR, focusedText } from '../../src/app/kit/theme'
import { RecordingRow } from '../../src/app/recordings/RecordingRow'
import { LIST, RecordingsPage } from '../../src/app/recordings/RecordingsPage'
import type { ChoiceDialog } from '../../src/app/kit/ChoiceDialog'
import { deletedAnswer, manyRecordings, pagedRecordings, protectedAnswer, quotaFullList } from './recordingFixtures'
import { childrenOf, elementWithText, isShown, mount, shownTexts, spyRouter, textColor } from './helpers'

const NOW = Date.parse('2026-11-23T10:00:00Z')

const api = {
  recordings: vi.fn<(page: RecordingListQuery) => Promise<Fetched<RecordingList>>>(),
  deleteRecording: vi.fn<(id: string) => Promise<Fetched<RecordingChange>>>(),
  setRecordingProtection: vi.fn<(id: string, protect: boolean) => Promise<Fetched<RecordingChange>>>(),
}

const answer = (data: RecordingChange): Promise<Fetched<RecordingChange>> => Promise.resolve({ data, fetchedAt: NOW })
/** Lets the page's request and its answer run (no timers involved). */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function open(list: RecordingList) {
  const harness = mount(RecordingsPage)
  harness.component.result = { ok: true, data: list, fetchedAt: NOW } satisfies Loaded<RecordingList>
  harness.settle()
  const page = harness.component
  const focusedRow = () => {
    const focused = harness.focused()
    expect(focused).toBeInstanceOf(RecordingRow)
    return focused as RecordingRow
  }
  const dialog = page.tag('Dialog')! as unknown as ChoiceDialog
  return { ...harness, page, focusedRow, dialog }
}

beforeEach(() => {
  spyRouter()
  api.recordings.mockReset()
  api.deleteRecording.mockReset()
  api.setRecordingProtection.mockReset()
  provideServices({ launch: {} as never, launchProblems: [], api: api as never, version: 'test' })
})

describe('fixtures', () => {
  test('fit the contract', () => {
    const list = quotaFullList()
    expect(Value.Check(RecordingList, list)).toBe(true)
    const heavy = pagedRecordings(2000)
    expect(Value.Check(RecordingList, heavy.first)).toBe(true)
    expect(Value.Check(RecordingList, heavy.answer(heavy.first.next!))).toBe(true)
    expect(Value.Check(RecordingChange, deletedAnswer(list, 'rec-0000'))).toBe(true)
  })
})

describe('RecordingsPage, quota-full', () => {
  test('the meter reads used/total hours and %, in the warning colour over 90 %', () => {
    const { page } = open(quotaFullList())
    const used = elementWithText(page, '98 h de 100 h usadas (98%)')
    expect(textColor(used)).toBe(COLOR.warning)
    expect(shownTexts(page)).toContain('Livre: 2 h')
    expect(isShown(page.tag('Content.Meter.Warning')!)).toBe(true)
    expect(page.tag('Content.Meter.Track.Fill')!.w).toBe(Math.round(LIST.w * 0.98))
    expect(page.tag('Content.Meter.Track.Fill')!.color).toBe(COLOR.warning)
  })

  test('below 90 % the meter is in the normal colour and nothing warns', () => {
    const { page } = open({ ...quotaFullList(), quota: { totalMinutes: 6000, usedMinutes: 3000, freeMinutes: 3000, percent: 50, warning: false } })
    expect(textColor(elementWithText(page, '50 h de 100 h usadas (50%)'))).toBe(COLOR.text)
    expect(page.tag('Content.Meter.Track.Fill')!.color).toBe(COLOR.accent)
    expect(isShown(page.tag('Content.Meter.Warning')!)).toBe(false)
  })

  test('rows read title, channel and time, "Disponível até" the last day it can be watched (the eve of its deletion, TV §5.9) only in the last 30 days, and the marks', () => {
    const { page } = open(quotaFullList())
    const rows = page.tag('Content.List')!.tag('Rows')!.children
    expect(shownTexts(rows[0]!)).toEqual(['Gladiador', 'Hollywood · 28/05, 21:30 · 2 h 35 min', 'Disponível até 27/11'])
    expect(shownTexts(rows[2]!)).toEqual(['Liga Portugal: Benfica x FC Porto', expect.stringMatching(/^Sport TV1 · /), 'Disponível até 05/12', 'Vista · Protegida'])
    const unavailable = rows[3]!
    expect(shownTexts(unavailable)).toEqual(['Anatomia de Grey', expect.stringMatching(/^AXN/), 'Vista 20% · Indisponível'])
    expect(textColor(elementWithText(unavailable, 'Vista 20% · Indisponível'))).toBe(COLOR.danger)
    expect(shownTexts(rows[4]!)).toContain('A ser vista')
  })

  test('moving focus along the list tints the rows\' texts: their colours follow the fill, no text is drawn again (issue 20)', () => {
    const { page, press } = open(quotaFullList())
    const rows = page.tag('Content.List')!.tag('Rows')!.children
    const line = (row: number) => rows[row]!.tag('Content')!.tag('Line')!
    const drawn = () => rows.slice(0, 3).flatMap((row) => childrenOf(row.tag('Content')!).map((text) => text.text?.textColor))
    const before = drawn()
    expect(textColor(line(0))).toBe(focusedText(COLOR.muted))
    press('Down')
    expect(textColor(line(0))).toBe(COLOR.muted)
    expect(textColor(line(1))).toBe(focusedText(COLOR.muted))
    const moved = drawn()
    press('Up')
    expect(textColor(line(0))).toBe(focusedText(COLOR.muted))
    expect(textColor(line(1))).toBe(COLOR.muted)
    // A text texture is drawn again when its textColor changes: a focus move must not change any.
    expect(moved).toEqual(before)
    expect(drawn()).toEqual(before)
  })

  test('"Próximas a apagar" names the next deletion by date first, then what automatic management deletes first, in its order', () => {
    const { page } = open(quotaFullList())
    const next = childrenOf(page.tag('Content.Next.Items')!).map((item) => shownTexts(item))
    expect(next.map((texts) => texts[0])).toEqual(['Gladiador', 'Telejornal', 'Jornal da Noite', 'Anatomia de Grey'])
    expect(next[0]![1]).toBe('Apagada a 28/11: data marcada do conteúdo')
    expect(shownTexts(page)).toContain('Próximas a apagar')
  })

  test('the next deletion by date is named even when automatic management would not pick it (issue 21, 10)', () => {
    const list = quotaFullList()
    const { page } = open({ ...list, nextToDelete: [list.items[1]!, list.items[5]!] })
    const next = childrenOf(page.tag('Content.Next.Items')!).map((item) => shownTexts(item)[0])
    expect(next).toEqual(['Gladiador', 'Telejornal', 'Jornal da Noite'])
  })

  test('red asks first, naming the recording, with Cancelar focused; Back closes and keeps focus on the row', () => {
    const { page, press, focusedRow, dialog, focused } = open(quotaFullList())
    press('Down')
    expect(focusedRow().recording?.title).toBe('Telejornal')
    ;(page as unknown as { _handleRed(): boolean })._handleRed()
    expect(dialog.isOpen).toBe(true)
    expect(shownTexts(dialog.tag('Panel')!)).toEqual(['Apagar gravação?', 'Apagar «Telejornal» (RTP1, 02/06, 21:30)? Não é possível recuperá-la.', 'Cancelar', 'Apagar'])
    expect(shownTexts(focused())).toEqual(['Cancelar'])
    // A modal: Up and Down do not move the list behind it.
    press('Down', 'Up')
    expect(shownTexts(focused())).toEqual(['Cancelar'])
    press('Back')
    expect(dialog.isOpen).toBe(false)
    expect(focusedRow().recording?.title).toBe('Telejornal')
    expect(api.deleteRecording).not.toHaveBeenCalled()
    // OK on Cancelar keeps it too.
    ;(page as unknown as { _handleRed(): boolean })._handleRed()
    press('Enter')
    expect(dialog.isOpen).toBe(false)
    expect(api.deleteRecording).not.toHaveBeenCalled()
  })

  test('confirming deletes it; list and meter follow the answer, focus moves to the recording that followed', async () => {
    const list = quotaFullList()
    const { page, press, focusedRow, dialog } = open(list)
    press('Down')
    api.deleteRecording.mockReturnValue(answer(deletedAnswer(list, 'rec-0001')))
    ;(page as unknown as { _handleRed(): boolean })._handleRed()
    press('Right', 'Enter')
    expect(api.deleteRecording).toHaveBeenCalledWith('rec-0001')
    expect(dialog.isOpen).toBe(false)
    await flush()
    expect(shownTexts(page)).not.toContain('Telejornal')
    expect(shownTexts(page)).toContain('97 h de 100 h usadas (97%)')
    expect(focusedRow().recording?.title).toBe('Liga Portugal: Benfica x FC Porto')
    expect(childrenOf(page.tag('Content.Next.Items')!).map((item) => shownTexts(item)[0])).toEqual(['Gladiador', 'Jornal da Noite', 'Anatomia de Grey'])
  })

  test('deleting the last recording moves focus to the one before it', async () => {
    const list = quotaFullList()
    const { page, press, focusedRow } = open(list)
    press('Down', 'Down', 'Down', 'Down', 'Down')
    expect(focusedRow().recording?.title).toBe('Jornal da Noite')
    api.deleteRecording.mockReturnValue(answer(deletedAnswer(list, 'rec-0005')))
    press('Enter')
    press('Right', 'Enter')
    expect(shownTexts(page.tag('Dialog')!)[0]).toBe('Apagar gravação?')
    press('Right', 'Enter')
    await flush()
    expect(focusedRow().recording?.title).toBe('Festival da Canção')
  })

  test('OK opens the options; Proteger protects through the server and the row shows it', async () => {
    const list = quotaFullList()
    const { page, press, focusedRow, dialog, focused } = open(list)
    expect(isShown(page.tag('Content.Done')!)).toBe(false)
    api.setRecordingProtection.mockReturnValue(answer(protectedAnswer(list, 'rec-0000', true)))
    press('Enter')
    expect(shownTexts(dialog.tag('Panel')!).slice(-3)).toEqual(['Proteger', 'Apagar', 'Cancelar'])
    // Not protected yet: the note says what protecting would do, not that it is protected.
    expect(shownTexts(dialog).join('\n')).toContain('Se a proteger, não é apagada pela gestão automática')
    expect(shownTexts(dialog).join('\n')).not.toContain('Protegida, não é apagada')
    expect(shownTexts(focused())).toEqual(['Proteger'])
    press('Enter')
    expect(api.setRecordingProtection).toHaveBeenCalledWith('rec-0000', true)
    await flush()
    expect(focusedRow().recording?.title).toBe('Gladiador')
    expect(shownTexts(focusedRow())).toContain('Protegida')
    // A short confirmation says it was done (issue 21, 9).
    expect(shownTexts(page.tag('Content.Done')!)).toEqual(['Gravação protegida'])
  })

  test('yellow unprotects a protected recording', async () => {
    const list = quotaFullList()
    const { page, press, focusedRow } = open(list)
    press('Down', 'Down')
    api.setRecordingProtection.mockReturnValue(answer(protectedAnswer(list, 'rec-0002', false)))
    ;(page as unknown as { _handleYellow(): boolean })._handleYellow()
    expect(api.setRecordingProtection).toHaveBeenCalledWith('rec-0002', false)
    await flush()
    expect(shownTexts(focusedRow())).toEqual(['Liga Portugal: Benfica x FC Porto', expect.any(String), 'Disponível até 05/12', 'Vista'])
    expect(shownTexts(page.tag('Content.Done')!)).toEqual(['Proteção retirada'])
  })

  test('a refused change says why and leaves the list and focus as they were', async () => {
    const { page, press, focusedRow } = open(quotaFullList())
    api.deleteRecording.mockRejectedValue(new ApiError({ kind: 'forbidden', reason: 'As gravações só podem ser protegidas ou apagadas pelo Administrador.', allowedProfiles: ['administrador'] }))
    ;(page as unknown as { _handleRed(): boolean })._handleRed()
    press('Right', 'Enter')
    await flush()
    expect(shownTexts(page).some((text) => text.startsWith('Não foi possível concluir. As gravações só podem ser protegidas ou apagadas'))).toBe(true)
    expect(isShown(page.tag('Content.Done')!)).toBe(false)
    expect(focusedRow().recording?.title).toBe('Gladiador')
    expect(page.tag('Content.List')!.tag('Rows')!.children).toHaveLength(6)
  })
})

describe('RecordingsPage with 2 000 recordings', () => {
  /** The heavy account: the route's first page shown, the API stub answering the cursors. */
  function openHeavy() {
    const heavy = pagedRecordings(2000)
    api.recordings.mockImplementation(async ({ cursor }) => ({ data: heavy.answer(cursor!), fetchedAt: NOW }))
    return { ...open(heavy.first), heavy }
  }

  test('only the rows on screen and a small buffer exist, wherever the list is', async () => {
    const { page, press, focusedRow } = openHeavy()
    const list = page.tag('Content.List')! as unknown as { renderedCount: number; length: number }
    expect(list.length).toBe(2000)
    expect(list.renderedCount).toBeLessThanOrEqual(9)
    for (let i = 0; i < 80; i++) {
      press('Down')
      await flush()
    }
    expect(focusedRow().recording?.id).toBe('rec-0080')
    expect(list.renderedCount).toBeLessThanOrEqual(9)
    expect(page.tag('Content.List')!.tag('Rows')!.children.length).toBe(list.renderedCount)
  }, 20_000)

  test('scrolls to the last recording and back to the first with the right row focused at every step, holding at most 4 pages of 50', async () => {
    const { page, press, focusedRow, heavy } = openHeavy()
    const ids = heavy.all.map((r) => r.id)
    let most = 0
    const step = async (key: 'Down' | 'Up', expected: number) => {
      press(key)
      await flush()
      expect(focusedRow().recording?.id).toBe(ids[expected])
      most = Math.max(most, page.held!.pages)
      expect(page.held!.to - page.held!.from).toBeLessThanOrEqual(200)
    }
    for (let i = 1; i < 2000; i++) await step('Down', i)
    expect(page.held).toMatchObject({ to: 2000 })
    expect(shownTexts(focusedRow())).toContain('Programa 2000')
    for (let i = 1998; i >= 0; i--) await step('Up', i)
    expect(page.held).toMatchObject({ from: 0 })
    expect(most).toBe(4)
    // Each page asked for once down and once up (the first came with the route): pages around the focus, not the list.
    expect(api.recordings.mock.calls.length).toBeLessThanOrEqual(2 * 40)
    expect(api.recordings.mock.calls.every(([query]) => query.limit === 50)).toBe(true)
  }, 120_000)

  test('a row whose page has not come yet says it is loading, and becomes the recording when it comes', async () => {
    const { page, press, settle, focused, heavy } = openHeavy()
    let release: () => void = () => {}
    api.recordings.mockImplementation(
      ({ cursor }) =>
        new Promise((resolve) => {
          release = () => resolve({ data: heavy.answer(cursor!), fetchedAt: NOW })
        }),
    )
    for (let i = 0; i < 50; i++) press('Down')
    settle()
    expect(shownTexts(focused())).toEqual(['A carregar…'])
    expect(api.recordings).toHaveBeenCalledTimes(1)
    release()
    await flush()
    await flush()
    settle()
    expect((focused() as RecordingRow).recording?.id).toBe('rec-0050')
    expect(page.held).toMatchObject({ pages: 2, from: 0, to: 100 })
  }, 20_000)

  test('an empty account says so, with Voltar focused', () => {
    const { page, focused } = open({ ...manyRecordings(0), quota: { totalMinutes: 6000, usedMinutes: 0, freeMinutes: 6000, percent: 0, warning: false } })
    expect(shownTexts(page)).toContain('Ainda não há gravações.')
    expect(shownTexts(focused())).toEqual(['Voltar'])
  })
})
