// The typed step helper: the moves a flow declares are the only ones it makes.
import { describe, expect, test } from 'vitest'
import { Steps } from '../../../src/app/kit/steps'

type Step = 'closed' | 'ask' | 'saving'

const flow = () => new Steps<Step>({ closed: ['ask'], ask: ['saving', 'closed'], saving: ['closed'] }, 'closed')

describe('Steps', () => {
  test('starts at its first step and follows the moves its table lists', () => {
    const steps = flow()
    expect(steps.now).toBe('closed')
    steps.go('ask')
    steps.go('saving')
    expect(steps.is('ask', 'saving')).toBe(true)
    expect(steps.is('closed')).toBe(false)
    steps.go('closed')
    expect(steps.now).toBe('closed')
  })

  test('a move the table does not list throws and leaves the step as it was', () => {
    const steps = flow()
    expect(() => steps.go('saving')).toThrow('no move from step "closed" to "saving"')
    expect(steps.now).toBe('closed')
  })

  test('a step that is not declared is a type error', () => {
    const steps = flow()
    // @ts-expect-error: 'sending' is not a step of this flow
    expect(() => steps.go('sending')).toThrow()
  })
})
