// Remote keymap: key codes of set-top-box remotes and of a PC keyboard standing in
// for one. Names are what Lightning calls handlers by (_handleBack, _handleRed…).

const BACK_CODES = [
  8, // Backspace
  27, // Escape
  166, // BrowserBack
  461, // webOS / many RDK remotes
  10009, // Tizen
]

const COLOUR_CODES: Record<number, string> = {
  403: 'Red',
  404: 'Green',
  405: 'Yellow',
  406: 'Blue',
  // F1–F4 stand in for the colour keys on a PC keyboard.
  112: 'Red',
  113: 'Green',
  114: 'Yellow',
  115: 'Blue',
}

/**
 * Info reads the whole screen aloud when voice guidance is on (issue 18); Green repeats
 * the last utterance. VK_INFO is 457 on HbbTV/OIPF, RDK and webOS remotes; I stands in
 * on a PC keyboard.
 */
const INFO_CODES = [457, 73]

export const KEYMAP: Record<number, string> = {
  13: 'Enter',
  ...Object.fromEntries(INFO_CODES.map((code) => [code, 'Info'])),
  37: 'Left',
  38: 'Up',
  39: 'Right',
  40: 'Down',
  ...Object.fromEntries(BACK_CODES.map((code) => [code, 'Back'])),
  ...COLOUR_CODES,
  // Digits from the top row and the numeric pad; one name so a PIN entry has one handler.
  ...Object.fromEntries(Array.from({ length: 10 }, (_, d) => [[48 + d, 'Digit'], [96 + d, 'Digit']]).flat()),
}

/** The digit a Digit key event carries, or null. */
export function digitOf(event: { keyCode: number }): number | null {
  const { keyCode } = event
  if (keyCode >= 48 && keyCode <= 57) return keyCode - 48
  if (keyCode >= 96 && keyCode <= 105) return keyCode - 96
  return null
}
