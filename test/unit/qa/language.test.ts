import { expect, test } from 'vitest'
import { languageFindings, translationsFrom } from '../../../qa/language'

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
