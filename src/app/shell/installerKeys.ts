// How the installer route is reached: the launch parameter `mode=installer`, or
// the remote sequence Blue 0 0 0 from any screen (the shell watches every key).
export const INSTALLER_ROUTE = 'installer'

/** Blue, then 0 0 0 (F4 then 0 0 0 on a keyboard), each within SEQUENCE_GAP_MS of the last. */
export const INSTALLER_SEQUENCE = ['Blue', '0', '0', '0'] as const
const SEQUENCE_GAP_MS = 3000

/** Watches keys (never consumes them) and says when the installer sequence is complete. */
export class KeySequence {
  private matched = 0
  private last = 0

  constructor(
    private readonly sequence: readonly string[] = INSTALLER_SEQUENCE,
    private readonly now: () => number = Date.now,
  ) {}

  /** `key` is a keymap name (Blue, Digit…) or, for digits, the digit itself. */
  push(key: string): boolean {
    const at = this.now()
    if (at - this.last > SEQUENCE_GAP_MS) this.matched = 0
    this.last = at
    if (key === this.sequence[this.matched]) this.matched++
    else this.matched = key === this.sequence[0] ? 1 : 0
    if (this.matched < this.sequence.length) return false
    this.matched = 0
    return true
  }
}
