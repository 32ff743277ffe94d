// What the bench counts of a V8 heap snapshot (HeapProfiler.takeHeapSnapshot, parsed).

/**
 * Bytes of the objects the page holds: what the snapshot's root reaches by strong edges,
 * without compiled code, V8's lists of the optimised code depending on each map
 * (`dependent_code`, `retained_maps`), Blink's performance timeline (`Performance`: the
 * long tasks, long animation frames and resource timings it buffers, 200 / 200 / 250 at
 * most) and the DevTools network agent's copy of every request (Playwright's, no box has it).
 */
export function snapshotObjects(snapshot) {
  const { node_fields: fields, edge_fields: edgeFields, node_types: nodeTypes, edge_types: edgeTypes } = snapshot.snapshot.meta
  const { nodes, edges, strings } = snapshot
  const [typeAt, nameAt, sizeAt, countAt, width] = ['type', 'name', 'self_size', 'edge_count'].map((field) => fields.indexOf(field)).concat(fields.length)
  const edgeWidth = edgeFields.length
  const [code, native, weak] = [nodeTypes[0].indexOf('code'), nodeTypes[0].indexOf('native'), edgeTypes[0].indexOf('weak')]
  const named = new Set([edgeTypes[0].indexOf('property'), edgeTypes[0].indexOf('internal')])
  const skippedEdges = new Set(['dependent_code', 'retained_maps'])
  const skippedNatives = new Set(['Performance', 'blink::NetworkResourcesData'])
  const count = nodes.length / width
  const firstEdge = new Uint32Array(count + 1)
  for (let node = 0; node < count; node++) firstEdge[node + 1] = firstEdge[node] + nodes[node * width + countAt] * edgeWidth
  const reached = new Uint8Array(count)
  const stack = [0]
  reached[0] = 1
  let bytes = 0
  while (stack.length) {
    const node = stack.pop()
    if (nodes[node * width + typeAt] !== code) bytes += nodes[node * width + sizeAt]
    for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeWidth) {
      const kind = edges[edge]
      if (kind === weak || (named.has(kind) && skippedEdges.has(strings[edges[edge + 1]]))) continue
      const to = edges[edge + 2] / width
      if (reached[to] || (nodes[to * width + typeAt] === native && skippedNatives.has(strings[nodes[to * width + nameAt]]))) continue
      reached[to] = 1
      stack.push(to)
    }
  }
  return bytes
}
