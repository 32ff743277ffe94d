// Issue 21 (5): a rounded shape (a dialog's bordered panel, a status badge, a PIN slot)
// is drawn by a shader, and Lightning draws every child without a shader of its own
// through its parent's (ElementCore._setShaderOwnerRecursive): texts inside a shape got
// the panel's border round each of them, and a badge's label lost its corners (the "E"
// of "Em reclamação"). No element may be drawn through another element's shader.
import { describe, expect, test, vi } from 'vitest'
import { Lightning } from '@lightningjs/sdk'
import { ChoiceDialog } from '../../src/app/kit/ChoiceDialog'
import { PinEntry } from '../../src/app/kit/PinEntry'
import { pill, statusBadge } from '../../src/app/kit/StatusBadge'
import { COLOR } from '../../src/app/kit/theme'
import { provideServices } from '../../src/app/shell/services'
import { PremiumDetailPage } from '../../src/app/premium/PremiumDetailPage'
import { childrenOf, mount, shownTexts, spyRouter } from './helpers'
import { NOW, sportDetail } from './premiumFixtures'

type Core = { activeShaderOwner: Core | null; shader: object | null; element: Lightning.Element }
const coreOf = (element: Lightning.Element) => (element as unknown as { core: Core }).core
const name = (element: Lightning.Element) => String(element.ref ?? element.constructor.name)

/** Every element drawn through another element's shader, as "where (through whose)". */
function drawnThroughAnother(root: Lightning.Element, path = name(root)): string[] {
  const owner = coreOf(root).activeShaderOwner
  const own = owner && owner !== coreOf(root) ? [`${path} (through ${name(owner.element)})`] : []
  return [...own, ...childrenOf(root).flatMap((child) => drawnThroughAnother(child, `${path}.${name(child)}`))]
}

/**
 * Every element that owns a shader, by its path. (Canvas2d, as component tests run, draws
 * the rounded shader plainly, so the border itself cannot be read back here; who owns a
 * shader, and who is drawn through whose, is the same as in WebGL.)
 */
function shaderOwners(root: Lightning.Element, path = name(root)): string[] {
  const own = coreOf(root).shader ? [path] : []
  return [...own, ...childrenOf(root).flatMap((child) => shaderOwners(child, `${path}.${name(child)}`))]
}

describe('shapes are drawn under their content, never round it', () => {
  test('a dialog: only its panel has the border; title, message and buttons are drawn plainly', () => {
    const { component: dialog, settle } = mount(ChoiceDialog)
    dialog.open({
      title: 'Apagar «Gladiador»?',
      message: 'A gravação é apagada de vez.',
      choices: [
        { id: 'cancel', label: 'Cancelar' },
        { id: 'confirm-delete', label: 'Apagar' },
      ],
      focusId: 'cancel',
      back: 'não apagar',
    })
    settle()
    expect(shownTexts(dialog)).toEqual(['Apagar «Gladiador»?', 'A gravação é apagada de vez.', 'Cancelar', 'Apagar'])
    expect(drawnThroughAnother(dialog)).toEqual([])
    // The panel's border is its Background's; each button's ring is its own Background's.
    expect(shaderOwners(dialog)).toEqual(['Subject.Panel.Background', 'Subject.Panel.Buttons.Choice_cancel.Background', 'Subject.Panel.Buttons.Choice_confirm-delete.Background'])
    for (const owner of shaderOwners(dialog)) expect(childrenOf(dialog.mtag(owner.replace(/^Subject\./, ''))[0]!)).toEqual([])
  })

  test('the premium cancel flow: summary and PIN pad drawn plainly inside the bordered panel', () => {
    spyRouter()
    provideServices({ launch: {} as never, launchProblems: [], api: { changePremium: vi.fn() } as never, version: 'test' })
    const harness = mount(PremiumDetailPage)
    harness.component.result = { ok: true, data: sportDetail, fetchedAt: NOW }
    harness.settle()
    const flow = harness.component.tag('Flow') as Lightning.Element
    harness.press('Enter')
    harness.settle()
    expect(shownTexts(flow)).toContain('Cancelar Sport TV?')
    expect(drawnThroughAnother(flow)).toEqual([])
    harness.press('Enter')
    harness.settle()
    expect(shownTexts(flow)).toContain('PIN de compras')
    expect(drawnThroughAnother(flow)).toEqual([])
  })

  test('the PIN slots: the masks are not cut by the slot’s rounded corners', () => {
    const { component: pin } = mount(PinEntry)
    pin.reset(3)
    expect(drawnThroughAnother(pin)).toEqual([])
  })

  describe('badges', () => {
    class Badges extends Lightning.Component {
      static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
        return { Disputed: statusBadge('disputed'), Overdue: { y: 60, ...statusBadge('overdue') }, Unread: { y: 120, ...pill('Por ler', COLOR.accent) } }
      }
    }

    test('an invoice status and a notice pill: the label is whole, not clipped by the pill’s shape', () => {
      const { component: badges } = mount(Badges)
      expect(shownTexts(badges)).toEqual(['Em reclamação', 'Em atraso', 'Por ler'])
      expect(drawnThroughAnother(badges)).toEqual([])
    })
  })
})
