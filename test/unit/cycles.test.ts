// No import circles anywhere in src/, type imports included (DESIGN §2): a circle means two
// modules cannot be understood, tested or moved apart. The graph is read with the project's
// own TypeScript (its parser and its module resolution under tsconfig.json), so `import type`,
// `export … from` and `import()` count exactly as tsc sees them; no second tool to keep in step.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Every file under `dir` with the files under `dir` it imports (resolved as tsc resolves them). */
function importGraph(dir: string): Map<string, string[]> {
  const options = ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT).options
  const files = new Set(typescriptFiles(dir))
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((target): target is string => target !== undefined && files.has(target))
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** The circles of `graph`: its strongly connected components of more than one file, or a file importing itself (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (file: string): void => {
    index.set(file, counter)
    low.set(file, counter++)
    stack.push(file)
    onStack.add(file)
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file)!, low.get(target)!))
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!))
      }
    }
    if (low.get(file) !== index.get(file)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== file)
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort())
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file)
  return found
}

const named = (dir: string, found: string[][]) => found.map((component) => component.map((file) => relative(dir, file)))

describe('import circles', () => {
  it('src/ has none, type imports included', { timeout: 30_000 }, () => {
    const src = join(ROOT, 'src')
    const graph = importGraph(src)
    expect(graph.size).toBeGreaterThan(100)
    expect(named(src, circles(graph))).toEqual([])
  })

  describe('the check finds a circle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const write = (files: Record<string, string>) => {
      const sub = mkdtempSync(join(dir, 'case-'))
      for (const [name, text] of Object.entries(files)) writeFileSync(join(sub, name), text)
      return sub
    }

    it('made of runtime imports', () => {
      const sub = write({ 'a.ts': "import { b } from './b'\nexport const a = b", 'b.ts': "import { c } from './c'\nexport const b = c", 'c.ts': "export { a as c } from './a'", 'd.ts': "import { a } from './a'\nexport const d = a" })
      expect(named(sub, circles(importGraph(sub)))).toEqual([['a.ts', 'b.ts', 'c.ts']])
    })

    it('made only by a type import, as app.ts and the routes once were', () => {
      const sub = write({ 'app.ts': "import { routes } from './routes'\nexport type App = { routes: typeof routes }", 'routes.ts': "import type { App } from './app'\nexport const routes = (app: App) => app" })
      expect(named(sub, circles(importGraph(sub)))).toEqual([['app.ts', 'routes.ts']])
    })

    it('through a folder’s index file', () => {
      const sub = write({ 'index.ts': "export * from './x'", 'x.ts': "import type { Y } from '.'\nexport type X = Y\nexport type Y = string" })
      expect(named(sub, circles(importGraph(sub)))).toEqual([['index.ts', 'x.ts']])
    })
  })
})
