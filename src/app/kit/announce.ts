// Voice guidance from inside a component: the shell's Announcer (withAnnouncer on
// App) takes these signals up the tree; without voice guidance they say nothing.
import type { Lightning } from '@lightningjs/sdk'

type Fire = (event: string, ...args: unknown[]) => void

/** Says a result now ("PIN errado. Restam duas tentativas."), cutting what was being said. */
export function say(component: Lightning.Component, text: string): void {
  ;(component.fireAncestors as Fire).call(component, '$announce', text)
}

/**
 * Says `component` and what has focus inside it again, as if focus had just arrived:
 * for a step of a flow whose focused button stays the same element.
 */
export function announceAgain(component: Lightning.Component): void {
  const path = (component.application as unknown as { focusPath?: unknown[] }).focusPath ?? []
  const depth = path.indexOf(component)
  if (depth >= 0) (component.fireAncestors as Fire).call(component, '$announcerRefresh', depth)
}

/** The texts an element shows, in tree order (hidden ones left out): what a row says when its feature gives no words. */
export function shownTexts(element: Lightning.Element): string[] {
  if (!element.visible || element.alpha === 0) return []
  const text = (element.texture as { text?: unknown } | null)?.text
  const own = typeof text === 'string' && text ? [text] : []
  const children = element.hasChildren() ? (element.children as Lightning.Element[]) : []
  return [...own, ...children.flatMap(shownTexts)]
}
