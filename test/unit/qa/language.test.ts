import { expect, test } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { languageFindings, loadTranslations, translationsFrom } from '../../../qa/language'

const translations = translationsFrom({
  pt: { 'action.back': 'Voltar', 'banner.many': '{count} avisos por ler', 'key.ok': 'OK', sep: '{a} · {b}' },
  en: { 'action.back': 'Back', 'banner.many': '{count} unread notices', 'key.ok': 'OK', sep: '{a} · {b}' },
})

test('a Portuguese string on an English screen is a finding, with its key; data and shared strings are not', () => {
  expect(languageFindings(['Back', 'OK', '3 avisos por ler', 'Fatura de março · 12,00 €', 'Rua das Flores'], 'en', translations)).toEqual([
    '"3 avisos por ler" is the pt text of banner.many, shown in a en lane',
  ])
})

test('an English string on a Portuguese screen, and a key shown as is, are findings', () => {
  expect(languageFindings(['Voltar\n2 unread notices', 'action.back'], 'pt', translations)).toEqual([
    '"2 unread notices" is the en text of banner.many, shown in a pt lane',
    '"action.back" is a translation key shown as is: no pt text for it',
  ])
})

test('a text the API sends (its bundle holds it) is data, even when it reads like the other language', () => {
  const withData = translationsFrom({ pt: { kind: 'Atualização anual' }, en: { kind: 'Yearly update' } }, "title: 'Atualização anual'")
  expect(languageFindings(['Atualização anual'], 'en', withData)).toEqual([])
  expect(languageFindings(['Atualização anual'], 'en', translationsFrom({ pt: { kind: 'Atualização anual' }, en: { kind: 'Yearly update' } }))).toHaveLength(1)
})

test("the build's translations.json names each language's file: the check reads those strings, not the file names", () => {
  const dir = mkdtempSync(join(tmpdir(), 'qa-language-'))
  writeFileSync(join(dir, 'translations.json'), JSON.stringify({ meta: {}, pt: 'translations.pt.json', en: 'translations.en.json' }))
  writeFileSync(join(dir, 'translations.pt.json'), JSON.stringify({ 'action.back': 'Voltar' }))
  writeFileSync(join(dir, 'translations.en.json'), JSON.stringify({ 'action.back': 'Back' }))
  writeFileSync(join(dir, 'api.mjs'), '')
  const loaded = loadTranslations(join(dir, 'translations.json'), join(dir, 'api.mjs'))
  expect(languageFindings(['0', '12', 'Back'], 'pt', loaded)).toEqual(['"Back" is the en text of action.back, shown in a pt lane'])
})
