// '@lightningjs/ui-components/src' is the package's source entry (its `exports` allow no
// deeper path). With the package's "sideEffects": false, rollup keeps only the modules
// imported from it: withAnnouncer costs 1.5 KB gzipped there, against 18.7 KB through the
// prebuilt bundle (docs/accessibility.md). Typed here for any base class: the prebuilt
// typings accept only core's Component, and the SDK's Router.App is typed apart from it.
declare module '@lightningjs/ui-components/src' {
  import type { Speakable } from '../../platform/speech'

  export interface Announcer {
    announcerEnabled: boolean
    /** Speaks a string now, cutting what was being said. */
    $announce(text: string, options?: { append?: boolean; notification?: boolean }): void
    /** Speaks the whole focus path again, not only what changed. */
    $announcerRefresh(depth?: number): void
    $announcerCancel(): void
    /** The mixin's debounced timers: cleared when the app closes so none fires into a closed app. */
    _debounceAnnounceFocusChanges: { clear(): void }
    _resetFocusTimer: { clear(): void }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export function withAnnouncer<T extends abstract new (...args: any[]) => object>(
    base: T,
    speak?: (speakable: Speakable) => unknown,
    options?: { voiceOutDelay?: number; language?: string },
  ): T & (abstract new (...args: any[]) => Announcer)
}
