// A child of a loose template as the class it was declared with, checked at run time
// instead of asserted, so a wrong ref fails where it is asked for. Every other component
// types its template (docs/screens.md); only the shell's App cannot: the SDK's Router.App
// takes a loose template spec only.
import type { Lightning } from '@lightningjs/sdk'

export function ref<C>(parent: Lightning.Element, path: string, type: abstract new (...args: never[]) => C): C {
  const child: unknown = parent.tag(path)
  if (child instanceof type) return child
  throw new Error(`${path} is not a ${type.name}`)
}
