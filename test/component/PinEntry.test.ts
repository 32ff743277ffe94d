// The purchase PIN widget: digits from the remote's number keys and from the on-screen
// keypad, masked, tries left, erase, and a lock that takes no more digits.
import { describe, expect, test, vi } from 'vitest'
import { PinEntry } from '../../src/app/kit/PinEntry'
import { isShown, mount, shownTexts } from './helpers'

function open() {
  const harness = mount(PinEntry)
  const pin = harness.component
  const completed = vi.fn<(pin: string) => void>()
  // Signals go to the owner; the spy stands in for the page that owns the widget.
  const signal = vi.spyOn(pin, 'signal').mockImplementation(((event: string, value: string) => {
    if (event === 'complete') completed(value)
  }) as never)
  pin.reset(3)
  const slots = () => [0, 1, 2, 3].map((i) => shownTexts(pin.tag('Slots')!.tag(`Slot${i}`))[0])
  return { ...harness, pin, slots, completed, signal }
}

describe('PinEntry', () => {
  test('shows four empty slots, the tries left, and focuses the keypad', () => {
    const { pin, slots, focused } = open()
    expect(slots()).toEqual(['–', '–', '–', '–'])
    expect(shownTexts(pin)).toContain('Restam 3 tentativas.')
    expect(shownTexts(focused())).toEqual(['1'])
  })

  test('takes digits from the remote, masked, and fires complete with the four digits', () => {
    const { digit, slots, completed } = open()
    digit(2)
    digit(5, true)
    expect(slots()).toEqual(['●', '●', '–', '–'])
    digit(8)
    expect(completed).not.toHaveBeenCalled()
    digit(0, true)
    expect(slots()).toEqual(['●', '●', '●', '●'])
    expect(completed).toHaveBeenCalledExactlyOnceWith('2580')
    // A fifth digit is not taken.
    digit(9)
    expect(completed).toHaveBeenCalledTimes(1)
  })

  test('the on-screen keypad types and erases with arrows and OK', () => {
    const { press, slots, completed, focused, pin } = open()
    press('Right', 'Enter') // 2
    press('Down', 'Down', 'Enter') // 8
    expect(slots()).toEqual(['●', '●', '–', '–'])
    press('Down', 'Left', 'Enter') // erase (⌫ under 7)
    expect(shownTexts(focused())).toEqual(['⌫'])
    expect(slots()).toEqual(['●', '–', '–', '–'])
    press('Right', 'Enter', 'Up', 'Up', 'Enter', 'Down', 'Down', 'Enter') // 0, 5, 0 (Down from 8 lands on 0)
    expect(pin.length).toBe(4)
    expect(completed).toHaveBeenCalledExactlyOnceWith('2050')
  })

  test('after a wrong PIN, empties and says how many tries are left', () => {
    const { pin, digit, slots } = open()
    for (const d of [1, 1, 1, 1]) digit(d)
    pin.reset(1, 'PIN de compras errado.')
    expect(slots()).toEqual(['–', '–', '–', '–'])
    expect(shownTexts(pin)).toContain('PIN de compras errado. Resta 1 tentativa.')
  })

  test('after a wrong PIN, OK never types a digit: it takes "Tentar de novo" first, then the keypad is back', () => {
    const { pin, press, digit, slots, completed, focused } = open()
    for (const d of [1, 1, 1, 1]) digit(d)
    pin.reset(2, 'PIN errado.')
    expect(shownTexts(focused())).toEqual(['Tentar de novo'])
    expect(isShown(pin.tag('Keypad')!)).toBe(false)
    press('Enter')
    expect(slots()).toEqual(['–', '–', '–', '–'])
    expect(shownTexts(pin)).toContain('PIN errado. Restam 2 tentativas.')
    // Only now is the keypad there, its first key focused: the next OK types.
    expect(isShown(pin.tag('Keypad')!)).toBe(true)
    expect(shownTexts(focused())).toEqual(['1'])
    press('Enter')
    expect(slots()).toEqual(['●', '–', '–', '–'])
    expect(completed).toHaveBeenCalledTimes(1)
  })

  test('after a wrong PIN, the remote\'s number keys type at once (they cannot be pressed by mistake for OK)', () => {
    const { pin, digit, slots, focused } = open()
    pin.reset(2, 'PIN errado.')
    digit(4)
    expect(slots()).toEqual(['●', '–', '–', '–'])
    expect(shownTexts(focused())).toEqual(['1'])
  })

  test('locked: says until when, hides the keypad and takes no digit', () => {
    const { pin, digit, slots, completed, focused } = open()
    pin.lock('As compras estão bloqueadas até às 10:15.')
    for (const d of [2, 5, 8, 0]) digit(d)
    expect(slots()).toEqual(['–', '–', '–', '–'])
    expect(completed).not.toHaveBeenCalled()
    expect(isShown(pin.tag('Keypad')!)).toBe(false)
    expect(shownTexts(pin)).toContain('As compras estão bloqueadas até às 10:15.')
    expect(focused()).toBe(pin)
  })
})

describe('PinEntry with voice guidance', () => {
  test('says how many digits are typed, never which, and says a wrong PIN with the tries left in words', () => {
    const { pin, digit, press } = open()
    const fire = vi.spyOn(pin, 'fireAncestors').mockImplementation((() => undefined) as never)
    const said = () => fire.mock.calls.filter(([event]) => (event as string) === '$announce').map(([, text]) => text as unknown as string)
    expect(pin.announce).toEqual([
      'Introduza o PIN de compras com as teclas numéricas do comando.',
      'Restam três tentativas.',
      'zero de quatro algarismos introduzidos',
    ])
    digit(7)
    press('Enter') // the keypad's focused key, 1
    expect(said()).toEqual(['um de quatro algarismos introduzidos', 'dois de quatro algarismos introduzidos'])
    // The digits typed (7, then 1) are in none of it: only counts are said.
    expect(said().join(' ')).not.toMatch(/sete|\b7\b/)
    pin.reset(2, 'PIN errado.')
    expect(said().at(-1)).toBe('PIN errado. Restam duas tentativas.')
    pin.reset(1, 'PIN errado.')
    expect(said().at(-1)).toBe('PIN errado. Resta uma tentativa.')
    pin.lock('PIN de compras bloqueado até às 21:30.')
    expect(said().at(-1)).toBe('PIN de compras bloqueado até às vinte e uma horas e trinta minutos.')
  })
})
