// A child of a template as the class it was declared with. Lightning's typings type
// `tag()` only by the full path of a strongly typed template; this checks the class
// at run time instead of asserting it, so a wrong ref fails where it is asked for.
import type { Lightning } from '@lightningjs/sdk'

export function ref<C>(parent: Lightning.Element, path: string, type: abstract new (...args: never[]) => C): C {
  const child: unknown = parent.tag(path)
  if (child instanceof type) return child
  throw new Error(`${path} is not a ${type.name}`)
}
