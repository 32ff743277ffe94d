// What QA reads in the page, as function bodies the engines evaluate (the same
// script in Chromium and in WPE). The Lightning inspector (`inspector=1`) mirrors
// the rendered tree into absolutely positioned DOM nodes that carry the element
// (`node.element`), its text (`texture-text`) and focus (`focused="true"`), so
// getBoundingClientRect gives each element's box on screen in CSS pixels.

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface ProbedText {
  text: string
  box: Box
  /** Longer than its maxLines and ended with an ellipsis: meant. */
  ellipsized: boolean
  /** Cut without an ellipsis: more lines than maxLines, a line wider than the wrap width, or the screen edge. */
  cut: string | null
  /** Each drawn line's glyph band (from 0.8 of the font size above its baseline to 0.2 below), as drawn on screen. */
  lines: Box[]
  /** The nearest clipping parent (a list's or scroll panel's viewport), when there is one. */
  clip: { what: string; box: Box } | null
  /** The nearest zIndex up the tree. */
  layer: number
  /** Behind an open dialog's dim (a page text while a dialog is up). */
  dimmed: boolean
  /** Inside the focused element. */
  focused: boolean
}

export interface Probe {
  route: string
  width: number
  height: number
  /** The loading message or the boot page is showing: not settled yet. */
  busy: boolean
  texts: ProbedText[]
  /** Drawn elements (text, rectangles, images) partly outside the 5 % safe area; backdrops excluded. */
  outsideSafe: { what: string; box: Box }[]
  focused: { id: string; type: string; box: Box; texts: string[] } | null
  /** Pairs of focusable elements (components with their own _focus) in the same layer, neither inside the other, whose boxes overlap at rest. */
  overlapping: { a: { what: string; box: Box }; b: { what: string; box: Box } }[]
  /** Drawn elements above the focused one (a later sibling branch, or a higher zIndex) that cover part of it. */
  overlays: { what: string; box: Box; share: number }[]
  /** Drawn elements that take the rounded-rectangle shader of an ancestor (no shader of their own). */
  inheritedShaders: { what: string; box: Box; owner: string; shader: string; stroke: number; radius: number }[]
  /** The topmost open dialog (a layer that dims the whole screen), and whether the focus is inside it. */
  dialog: { what: string; focusedInside: boolean; focused: string | null } | null
  errors: string[]
  /** The app's Router routes (exposed by the shell when the inspector is on). */
  routes: string[]
}

/** Reads the screen. Runs in the page: keep it plain ES2019, no closures over Node values. */
export const PROBE = `
  var W = window.innerWidth, H = window.innerHeight;
  // The inspector scales its mirror to the stage from a ResizeObserver on the canvas; in WPE that
  // callback was seen missing for a whole screen (every box at 1080p coordinates in the 720p lane,
  // 3 screens of 256 in one run, still so 500 ms later). The same scaling is applied here first.
  (function scaleMirror() {
    var top = document.querySelector('div[type]');
    var stage = top && top.element && top.element.stage;
    if (!stage || !top.parentElement) return;
    var p = stage.getRenderPrecision() / stage.getOption('devicePixelRatio');
    var rect = stage.getCanvas().getBoundingClientRect(), root = top.parentElement.style;
    root.left = rect.left + 'px';
    root.top = rect.top + 'px';
    root.width = Math.ceil(rect.width / p) + 'px';
    root.height = Math.ceil(rect.height / p) + 'px';
    root.transformOrigin = '0 0 0';
    root.transform = 'scale(' + p + ',' + p + ')';
  })();
  var SAFE = { x0: W * 0.05, y0: H * 0.05, x1: W * 0.95, y1: H * 0.95 };
  function box(node) { var r = node.getBoundingClientRect(); return { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height) }; }
  function hidden(node) {
    for (var n = node; n && n.nodeType === 1; n = n.parentElement) {
      var s = n.style;
      if (s && (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0')) return true;
      if (n.getAttribute('visible') === 'false' || n.getAttribute('alpha') === '0') return true;
    }
    return false;
  }
  function clipNodeOf(node) {
    for (var n = node.parentElement; n && n.element; n = n.parentElement) if (n.style.overflow === 'hidden') return n;
    return null;
  }
  function clipOf(node) { var n = clipNodeOf(node); return n ? box(n) : null; }
  function describe(node) { return (node.getAttribute('type') || 'element') + (node.getAttribute('ref') ? ' ' + node.getAttribute('ref') : ''); }
  // What a clip belongs to: the nearest component up from the clipping element (ScrollPanel, VirtualList).
  function clipWhat(node) {
    for (var n = node; n && n.element; n = n.parentElement) if (n.getAttribute('type') && n.getAttribute('type') !== 'Element') return describe(n) + (n === node ? '' : ' (' + describe(node) + ')');
    return describe(node);
  }
  // Each drawn line's glyph band on screen: the texture (renderInfo, in texture pixels) is drawn over the element's box.
  function linesOf(info, b) {
    if (!info || !info.lines || !info.width || !info.height) return [b];
    var kx = b.w / info.width, ky = b.h / info.height, fs = info.fontSize;
    return info.lines.map(function (l) {
      return { x: Math.round(b.x + l.x * kx), y: Math.round(b.y + (l.y - 0.8 * fs) * ky), w: Math.max(1, Math.round(l.w * kx)), h: Math.max(1, Math.round(fs * ky)) };
    });
  }
  function layerOf(node) {
    for (var n = node; n && n.element; n = n.parentElement) if (n.element.zIndex) return n.element.zIndex;
    return 0;
  }
  // An open dialog: a layer (zIndex) whose child dims the whole screen (drawn over it, see-through).
  var dialogNode = null;
  var layered = document.querySelectorAll('div[type]');
  for (var di = 0; di < layered.length; di++) {
    var ln = layered[di];
    if (!ln.element || !ln.element.zIndex || hidden(ln) || (dialogNode && dialogNode.element.zIndex >= ln.element.zIndex)) continue;
    var kids = ln.children;
    for (var dk = 0; dk < kids.length; dk++) {
      var ke = kids[dk].element, kb = ke && !hidden(kids[dk]) && ke.displayedTexture && box(kids[dk]);
      var seeThrough = ke && (ke.alpha < 1 || (ke.color >>> 24) < 0xff);
      if (kb && seeThrough && kb.w >= W * 0.95 && kb.h >= H * 0.95) { dialogNode = ln; break; }
    }
  }
  function inside(b, c, slack) { return b.x >= c.x - slack && b.y >= c.y - slack && b.x + b.w <= c.x + c.w + slack && b.y + b.h <= c.y + c.h + slack; }
  function overlaps(b, c) { return b.x < c.x + c.w && c.x < b.x + b.w && b.y < c.y + c.h && c.y < b.y + b.h; }
  var screen = { x: 0, y: 0, w: W, h: H };
  var texts = [], outsideSafe = [];
  var focusNode = document.querySelector('[focused="true"]');
  var focusBox = focusNode ? box(focusNode) : null;
  var nodes = document.querySelectorAll('div[type]');
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i], el = node.element;
    if (!el || hidden(node)) continue;
    var b = box(node);
    if (b.w <= 0 || b.h <= 0 || !overlaps(b, screen)) continue;
    var text = node.getAttribute('texture-text');
    var drawn = !!el.displayedTexture;
    if (text) {
      var tex = el.texture, src = tex && (tex.source || tex._source), info = src && src.renderInfo;
      var cut = null, ellipsized = false;
      if (info) {
        var overflow = tex.textOverflow || (el.text && el.text.textOverflow);
        if (info.moreTextLines) { if (overflow) ellipsized = true; else cut = 'more lines than maxLines, no ellipsis'; }
        var widths = info.lineWidths || [];
        if (!cut && info.innerWidth && widths.some(function (w) { return w > info.innerWidth + 2; })) cut = 'a line is wider than its wrap width';
      }
      var clipNode = clipNodeOf(node), clip = clipNode && box(clipNode);
      // Wholly outside its clipping parent: not on screen (a scrolled-away line or list row).
      if (clip && !overlaps(b, clip)) continue;
      if (!cut && !inside(b, screen, 1)) cut = 'runs off the screen';
      texts.push({
        text: text, box: b, ellipsized: ellipsized, cut: cut, lines: linesOf(info, b),
        clip: clip ? { what: clipWhat(clipNode), box: clip } : null,
        layer: layerOf(node), dimmed: !!dialogNode && !dialogNode.contains(node), focused: !!focusNode && focusNode.contains(node),
      });
    }
    if (!drawn && !text) continue;
    // A backdrop may bleed to the edges: it covers (nearly) the whole screen.
    if (b.w >= W * 0.9 && b.h >= H * 0.9) continue;
    var clip2 = clipOf(node);
    if (clip2 && !overlaps(b, clip2)) continue;
    // The focused element grows by its focus scale (theme FOCUS_SCALE, 1.04): that growth may reach into the margin.
    var slack = focusNode && focusNode.contains(node) ? 1 + 0.025 * Math.max(focusBox.w, focusBox.h) : 1;
    if (!inside(b, { x: SAFE.x0, y: SAFE.y0, w: SAFE.x1 - SAFE.x0, h: SAFE.y1 - SAFE.y0 }, slack)) {
      outsideSafe.push({ what: text ? 'text "' + text.slice(0, 60) + '"' : (node.getAttribute('type') || 'element') + (node.getAttribute('ref') ? ' ' + node.getAttribute('ref') : ''), box: b });
    }
  }
  function area(b) { return Math.max(0, b.w) * Math.max(0, b.h); }
  function intersection(b, c) {
    var x = Math.max(b.x, c.x), y = Math.max(b.y, c.y);
    return { x: x, y: y, w: Math.min(b.x + b.w, c.x + c.w) - x, h: Math.min(b.y + b.h, c.y + c.h) - y };
  }
  function onScreenNode(node) {
    if (!node.element || hidden(node)) return null;
    var b = box(node);
    if (b.w <= 0 || b.h <= 0 || !overlaps(b, screen)) return null;
    var c = clipOf(node);
    if (c && !overlaps(b, c)) return null;
    return b;
  }
  // Focusable: a component whose class (not Lightning's own) defines _focus. Its box at rest:
  // the focused one is grown by its focus scale around its centre, so that growth is taken off.
  function ownFocus(el) {
    for (var p = Object.getPrototypeOf(el); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      if (Object.prototype.hasOwnProperty.call(p, '_focus')) return !/^(Component|Application|Element)$/.test(p.constructor.name) && p.constructor.name !== '';
    }
    return false;
  }
  // Layers (layerOf): a layer above the page (the notice banner, 101) covers it by design while it
  // holds focus; what it covers of the focused element is the overlay check's.
  var focusables = [];
  for (var k = 0; k < nodes.length; k++) {
    var fnode = nodes[k];
    if (!fnode.element || typeof fnode.element._focus !== 'function' || !ownFocus(fnode.element)) continue;
    var fb = onScreenNode(fnode);
    if (!fb || fb.w >= W * 0.9 && fb.h >= H * 0.9) continue;
    var scale = fnode.element.scale || 1;
    if (scale !== 1) fb = { x: Math.round(fb.x + fb.w * (1 - 1 / scale) / 2), y: Math.round(fb.y + fb.h * (1 - 1 / scale) / 2), w: Math.round(fb.w / scale), h: Math.round(fb.h / scale) };
    focusables.push({ node: fnode, box: fb });
  }
  var overlapping = [];
  for (var a = 0; a < focusables.length; a++) {
    for (var c2 = a + 1; c2 < focusables.length; c2++) {
      var A = focusables[a], B = focusables[c2];
      if (A.node.contains(B.node) || B.node.contains(A.node) || layerOf(A.node) !== layerOf(B.node)) continue;
      var cut2 = intersection(A.box, B.box);
      if (cut2.w > 1 && cut2.h > 1) overlapping.push({ a: { what: describe(A.node), box: A.box }, b: { what: describe(B.node), box: B.box } });
    }
  }
  // Above the focused element: at each ancestor, a sibling with a higher zIndex, or an equal one
  // that comes later (Lightning draws children in order within a zIndex).
  var overlays = [];
  var fnodeFocused = document.querySelector('[focused="true"]');
  var fBox = fnodeFocused && onScreenNode(fnodeFocused);
  if (fBox) {
    for (var n2 = fnodeFocused; n2 && n2.parentElement && n2.parentElement.element; n2 = n2.parentElement) {
      var z = n2.element.zIndex || 0, later = false;
      var siblings = n2.parentElement.children;
      for (var m = 0; m < siblings.length; m++) {
        var sib = siblings[m];
        if (sib === n2) { later = true; continue; }
        if (!sib.element) continue;
        var sz = sib.element.zIndex || 0;
        if (!(sz > z || (sz === z && later))) continue;
        var drawnInside = [sib].concat([].slice.call(sib.querySelectorAll('div[type]')));
        for (var q = 0; q < drawnInside.length; q++) {
          var d = drawnInside[q];
          if (!d.element || !d.element.displayedTexture) continue;
          var db = onScreenNode(d);
          if (!db) continue;
          var share = area(intersection(fBox, db)) / Math.max(1, area(fBox));
          if (intersection(fBox, db).w > 0 && intersection(fBox, db).h > 0 && share >= 0.05) {
            overlays.push({ what: describe(d) + ' in ' + describe(sib), box: db, share: share });
            break;
          }
        }
      }
    }
  }
  var focusedNode = fnodeFocused;
  var focused = null;
  if (focusedNode && !hidden(focusedNode)) {
    var ft = [];
    var inner = focusedNode.querySelectorAll('[texture-text]');
    if (focusedNode.getAttribute('texture-text')) ft.push(focusedNode.getAttribute('texture-text'));
    for (var j = 0; j < inner.length; j++) if (!hidden(inner[j])) ft.push(inner[j].getAttribute('texture-text'));
    focused = { id: focusedNode.id, type: focusedNode.getAttribute('type') || '', box: box(focusedNode), texts: ft };
  }
  // Drawn through an ancestor's rounded-rectangle shader (ElementCore._shaderOwner is an ancestor's core).
  var inheritedShaders = [];
  for (var si = 0; si < nodes.length; si++) {
    var sn = nodes[si], se = sn.element, sc = se && se.__core;
    if (!sc || !se.displayedTexture || hidden(sn)) continue;
    var owner = sc._shaderOwner, shader = owner && owner !== sc && owner._shader;
    if (!shader || !shader.constructor || !/RoundedRectangle/.test(shader.constructor.name)) continue;
    var sb = onScreenNode(sn);
    if (!sb) continue;
    var ownerEl = owner._element;
    inheritedShaders.push({
      what: sn.getAttribute('texture-text') ? 'text "' + sn.getAttribute('texture-text').slice(0, 40) + '"' : describe(sn), box: sb,
      owner: ownerEl ? (ownerEl.constructor && ownerEl.constructor.name !== 'Element' ? ownerEl.constructor.name : 'element') + (ownerEl.ref ? ' ' + ownerEl.ref : '') : 'element',
      shader: shader.constructor.name, stroke: shader._stroke || 0, radius: Math.max.apply(null, [].concat(shader._radius || 0)),
    });
  }
  var dialog = null;
  if (dialogNode) {
    var insideFocus = focusedNode && focusedNode !== dialogNode && dialogNode.contains(focusedNode);
    dialog = { what: describe(dialogNode), focusedInside: !!insideFocus, focused: focusedNode ? describe(focusedNode) : null };
  }
  var busy = texts.some(function (t) { return t.text === 'A carregar…' || t.text === 'A carregar a sua conta…' || t.text === 'Loading…'; }) ||
    !!document.querySelector('[type="BootPage"]:not([visible="false"])');
  return {
    route: decodeURIComponent(location.hash.replace(/^#/, '')),
    width: W, height: H, busy: busy, texts: texts, outsideSafe: outsideSafe, focused: focused, overlapping: overlapping, overlays: overlays,
    inheritedShaders: inheritedShaders, dialog: dialog,
    errors: (window.__qaErrors || []).slice(),
    routes: window.gestaoDeContaRoutes || [],
  };
`

/**
 * The app's idle signal (src/platform/idle.ts; idle null when the app has none), the route, and
 * whether the boot page or the loading message shows: cheap enough to poll every few milliseconds.
 */
export const IDLE = `
  function shown(node) {
    for (var n = node; n && n.nodeType === 1; n = n.parentElement) if (n.getAttribute('visible') === 'false' || n.getAttribute('alpha') === '0') return false;
    return true;
  }
  var busy = [].some.call(document.querySelectorAll('[type="BootPage"], [ref="Loading"]'), shown);
  return {
    idle: typeof window.gestaoDeContaIdle === 'function' ? window.gestaoDeContaIdle() : null,
    pending: window.gestaoDeContaPending ? window.gestaoDeContaPending() : [],
    busy: busy,
    closed: !!window.gestaoDeContaClosed,
    route: decodeURIComponent(location.hash.replace(/^#/, '')),
  };
`

/**
 * Waits in the page until IDLE says idle twice in a row, 40 ms apart, with no boot page or
 * loading message, or the deadline passes (`timedOut`): one round trip a wait instead of one a
 * poll (75 a screen at 2160p, where each took 117 ms at load 13). Both engines await the promise
 * (WebDriver's Execute Script does, W3C WebDriver §13.2).
 */
export const WAIT_IDLE = (timeoutMs: number): string => `
  function read() { ${IDLE} }
  var deadline = Date.now() + ${timeoutMs};
  return new Promise(function (resolve) {
    var inARow = 0;
    (function poll() {
      var state = read();
      if (state.closed || state.idle === null) return resolve(state);
      inARow = state.idle && !state.busy && state.route !== '$' ? inARow + 1 : 0;
      if (inARow >= 2) return resolve(state);
      if (Date.now() > deadline) { state.timedOut = true; return resolve(state); }
      setTimeout(poll, 40);
    })();
  });
`

/** Takes focus styling off the focused element (its _unfocus), to compare with the focused look. */
export const UNFOCUS = `var n = document.querySelector('[focused="true"]'); if (n && n.element && n.element._unfocus) { n.element._unfocus(); return true } return false`
export const REFOCUS = `var n = document.querySelector('[focused="true"]'); if (n && n.element && n.element._focus) n.element._focus(); return true`

/** Installed before the app runs (the QA server adds it to index.html): every error the page sees. */
export const ERROR_HOOK = `<script>
window.__qaErrors = [];
addEventListener('error', function (e) { __qaErrors.push('uncaught: ' + (e.message || e)); });
addEventListener('unhandledrejection', function (e) { __qaErrors.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)); });
(function () { var original = console.error; console.error = function () { __qaErrors.push([].map.call(arguments, String).join(' ')); return original.apply(console, arguments); }; })();
</script>`

/**
 * Installed before the app runs (the QA server adds it to index.html): a speechSynthesis that
 * records what it is asked to say and says nothing, so a voice lane hears every screen (and no
 * lane talks). Each phrase "lasts" 15 ms a character; cancel cuts what is being said.
 */
export const SPEECH_HOOK = `<script>
(function () {
  window.__qaHeard = [];
  var speaking = [];
  function end(u, ok) { var i = speaking.indexOf(u); if (i < 0) return; speaking.splice(i, 1); var f = ok ? u.onend : u.onerror; if (f) f(new Event(ok ? 'end' : 'error')); }
  var synth = {
    speak: function (u) { __qaHeard.push(u.text); speaking.push(u); setTimeout(function () { end(u, true); }, 15 * u.text.length); },
    cancel: function () { speaking.slice().forEach(function (u) { end(u, false); }); },
    getVoices: function () { return []; }
  };
  function Utterance(text) { this.text = text; this.lang = ''; this.voice = null; this.onend = null; this.onerror = null; }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
})();
</script>`

/** What was said since the last HEARD_RESET (or the page load). */
export const HEARD = `return window.__qaHeard || []`
export const HEARD_RESET = `window.__qaHeard = []; return true`
