// Every remote key the app maps (src/platform/keys.ts), pressed by key code the way
// the box delivers it: keydown then keyup through the Application.
import type { Lightning } from '@lightningjs/sdk'
import { KEYMAP } from '../../../src/platform/keys'

export const ALL_KEYS: number[] = Object.keys(KEYMAP).map(Number)

export function pressCode(app: Lightning.Application, keyCode: number): void {
  const receiver = app as unknown as { _receiveKeydown(e: KeyboardEvent): void; _receiveKeyup(e: KeyboardEvent): void }
  receiver._receiveKeydown(new KeyboardEvent('keydown', { keyCode }))
  receiver._receiveKeyup(new KeyboardEvent('keyup', { keyCode }))
}
