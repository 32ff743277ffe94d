// The one small typed state helper for flows with steps (DESIGN §2): the premium
// subscribe/cancel flow, the recordings options/delete dialog, the e-invoice
// confirmation. A flow declares its steps and the moves between them once, as a table:
// naming a step that is not in it is a type error, and a move it does not list is a bug
// that throws where it happens instead of leaving a dialog in a state nobody drew.

/** For each step, the steps it may move to. */
export type Moves<S extends string> = { readonly [From in S]: readonly S[] }

export class Steps<S extends string> {
  private current: S

  constructor(
    private readonly moves: Moves<S>,
    first: S,
  ) {
    this.current = first
  }

  get now(): S {
    return this.current
  }

  /** Whether the flow is at one of `steps`. */
  is(...steps: readonly S[]): boolean {
    return steps.includes(this.current)
  }

  /** Moves to `next`: one of the moves the table lists from the step the flow is at. */
  go(next: S): void {
    if (!this.moves[this.current].includes(next)) throw new Error(`no move from step "${this.current}" to "${next}"`)
    this.current = next
  }
}
