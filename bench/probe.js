// Injected into the page before any script (page.addInitScript): the same probe
// for the app and the bare app, so neither carries benchmark code. Lightning core
// sets `window.lng` when its module runs; we hook the Stage prototype at that
// moment to find the stage and time every frame from `frameStart` to the end of
// renderFrame (the JavaScript CPU time of a Lightning frame: update + render
// calls; the GPU's work is not in it).
;(() => {
  const bench = (window.__bench = {
    stage: null,
    firstFrame: null,
    meaningful: null,
    /** Called with the text of every displayed text element until it returns true. */
    meaningfulText: null,
    frames: [],
    recording: false,
    lastChange: 0,
    frameCount: 0,
    inflight: 0,
  })

  // Requests in flight (the Router's data providers): a tour step is done only when none is.
  bench.inflight = 0
  const fetch = window.fetch
  window.fetch = function (...args) {
    bench.inflight++
    return fetch.apply(this, args).finally(() => bench.inflight--)
  }

  /** Every element under root, skipping hidden subtrees. */
  function walk(root, visit) {
    const stack = [root]
    while (stack.length) {
      const el = stack.pop()
      if (!el || el.visible === false || el.alpha === 0) continue
      visit(el)
      const list = el.__childList
      if (list && list._items) for (const child of list._items) stack.push(child)
    }
  }
  bench.walk = walk

  function checkMeaningful(stage) {
    if (bench.meaningful !== null || !bench.meaningfulText) return
    let found = false
    walk(stage.root, (el) => {
      if (found) return
      const texture = el.__texture
      if (!texture || typeof texture.text !== 'string' || !el.__displayedTexture) return
      if (el.__displayedTexture === texture && texture.isLoaded() && bench.meaningfulText(texture.text)) found = true
    })
    if (found) bench.meaningful = performance.now()
  }

  function hook(lng) {
    const proto = lng.Stage.prototype
    const update = proto.updateFrame
    const render = proto.renderFrame
    let start = 0
    proto.updateFrame = function () {
      bench.stage = this
      start = performance.now()
      return update.call(this)
    }
    proto.renderFrame = function () {
      const changes = render.call(this)
      const end = performance.now()
      bench.frameCount++
      if (changes) {
        bench.lastChange = end
        if (bench.firstFrame === null) bench.firstFrame = end
        if (bench.recording) bench.frames.push(end - start)
        checkMeaningful(this)
      }
      return changes
    }
  }

  let value
  Object.defineProperty(window, 'lng', {
    configurable: true,
    get: () => value,
    set(v) {
      value = v
      try {
        if (v && v.Stage) hook(v)
      } catch (error) {
        console.error('bench probe: ' + error)
      }
    },
  })
})()
