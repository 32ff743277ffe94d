import { expect, test } from 'vitest'
// @ts-expect-error: a plain ES module script without types
import { snapshotObjects } from '../../../bench/heap.mjs'

type Node = { type: string; name: string; size: number; edges?: [type: string, name: string, to: number][] }

/** A heap snapshot in V8's format from a list of nodes; node 0 is the root. */
function snapshot(list: Node[]) {
  const nodeTypes = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'native', 'synthetic']
  const edgeTypes = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']
  const strings: string[] = []
  const at = (value: string) => (strings.includes(value) ? strings.indexOf(value) : strings.push(value) - 1)
  const nodes: number[] = []
  const edges: number[] = []
  list.forEach((node, id) => {
    nodes.push(nodeTypes.indexOf(node.type), at(node.name), id * 2 + 1, node.size, node.edges?.length ?? 0, 0, 0)
    for (const [type, name, to] of node.edges ?? []) edges.push(edgeTypes.indexOf(type), at(name), to * 7)
  })
  const meta = {
    node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
    node_types: [nodeTypes, 'string', 'number', 'number', 'number', 'number', 'number'],
    edge_fields: ['type', 'name_or_index', 'to_node'],
    edge_types: [edgeTypes, 'string_or_number', 'node'],
  }
  return { snapshot: { meta }, nodes, edges, strings }
}

/** A page after a tour: the app's state, Blink's performance timeline, DevTools' copy of requests, V8's code lists. */
function page({ pages = 1, longTasks = 0, requests = 0, optimised = 0, pageKeepsATask = false } = {}) {
  const list: Node[] = [
    { type: 'synthetic', name: '', size: 0, edges: [['element', '1', 1], ['element', '2', 2], ['element', '3', 4], ['element', '4', 5]] },
    { type: 'object', name: 'Window', size: 100, edges: [] },
    { type: 'native', name: 'Performance', size: 40, edges: [] },
    { type: 'native', name: 'blink::NetworkResourcesData', size: 30, edges: [] },
    { type: 'object', name: 'system / Map', size: 50, edges: [['internal', 'dependent_code', 6]] },
    { type: 'code', name: 'optimised', size: 1000, edges: [] },
    { type: 'native', name: 'system / WeakArrayList', size: 16 + 8 * optimised },
  ]
  const add = (owner: number, edge: string, node: Node) => {
    list[owner].edges!.push(['element', edge, list.length])
    list.push(node)
  }
  for (let i = 0; i < pages; i++) add(1, `page${i}`, { type: 'object', name: 'Page', size: 64 })
  for (let i = 0; i < longTasks; i++) add(2, `task${i}`, { type: 'native', name: 'PerformanceLongTaskTiming', size: 104 })
  if (pageKeepsATask) list[1].edges!.push(['property', 'lastTask', list.length - 1])
  for (let i = 0; i < requests; i++) add(3, `request${i}`, { type: 'native', name: 'blink::NetworkResourcesData::ResourceData', size: 288 })
  return snapshot(list)
}

test('the browser records the bench leaves out do not count as the page growing', () => {
  const first = snapshotObjects(page({ longTasks: 40, requests: 17, optimised: 10 }))
  const last = snapshotObjects(page({ longTasks: 200, requests: 150, optimised: 90 }))
  expect(last).toBe(first)
  expect(first).toBe(100 + 50 + 64)
})

test('objects the page keeps per visit count', () => {
  const first = snapshotObjects(page({ pages: 1 }))
  const last = snapshotObjects(page({ pages: 21 }))
  expect(last - first).toBe(20 * 64)
})

test('an entry the page keeps a reference to counts, though the timeline holds it too', () => {
  const kept = snapshotObjects(page({ longTasks: 1, pageKeepsATask: true }))
  expect(kept - snapshotObjects(page({ longTasks: 1 }))).toBe(104)
})
