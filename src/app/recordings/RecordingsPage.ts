// recordings: the quota meter, every recording first-to-be-deleted first, and what
// automatic management deletes next (seed 004 TV §5.9–5.12, DESIGN §3). OK opens a
// recording's options; yellow protects or unprotects; red deletes after a confirmation
// naming it. The server answers each change with the quota and the recording as they now
// are; focus stays on the neighbouring recording. The list is read a page at a time around
// the focus (recordingsWindow, at most PAGES_HELD pages), never held whole.
import { Lightning } from '@lightningjs/sdk'
import type { Loaded } from '../../data/load'
import type { Recording, RecordingChange, RecordingList, RecordingQuota } from '../../contract'
import { ChoiceDialog } from '../kit/ChoiceDialog'
import { CONTENT_Y } from '../kit/DataPage'
import { describeFailure } from '../kit/ErrorPanel'
import { t } from '../kit/i18n'
import { type ListContent, ListPage, type ListPageSpec, pagedLayout } from '../kit/ListPage'
import type { PagedWindow } from '../../data/pagedWindow'
import { COLOR, largeText, SAFE, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { deleteRecording, recordingsWindow, setProtection } from './actions'
import { RecordingRow, ROW } from './RecordingRow'
import { actionsDialog, deleteDialog, doneMessage, nextDeletions, quotaLines, type RecordingChoice, recordingsArrival, recordingsKeys, recordingSpoken } from './text'
import { say } from '../kit/announce'
import type { KeyHint } from '../kit/KeyHints'
import { type Moves, Steps } from '../kit/steps'

// Five whole rows: a row cut at the list's edge reads as a glitch from the sofa.
export const LIST = { w: ROW.w, rowHeight: ROW.h, spacing: 10, viewportHeight: 5 * 106 }
const METER = { w: LIST.w, h: 20 }
const LIST_Y = CONTENT_Y + 196
const SIDE = { x: SAFE.x + LIST.w + 84, w: SAFE.w - LIST.w - 84 }

type DialogStep = 'closed' | 'actions' | 'confirm-delete'

/** OK opens the options and red the delete question; "Apagar" among the options asks it too. */
const DIALOG_MOVES: Moves<DialogStep> = { closed: ['actions', 'confirm-delete'], actions: ['confirm-delete', 'closed'], 'confirm-delete': ['closed'] }

interface RecordingsPageSpec extends ListPageSpec {
  Content: ListContent & {
    Meter: { Label: object; Track: { Fill: object }; Used: object; Free: object; Warning: object }
    Next: { Heading: object; Explain: object; Items: typeof Lightning.Element }
    Failure: object
    Done: object
  }
  Dialog: typeof ChoiceDialog
}

export class RecordingsPage extends ListPage<RecordingList, Recording, RecordingsPageSpec> {
  private data: Pick<RecordingList, 'quota' | 'nextToDelete'> | null = null
  /** The recordings around the focus, a page at a time. */
  private recordings: PagedWindow<Recording, RecordingList> | null = null
  private readonly dialogStep = new Steps(DIALOG_MOVES, 'closed')
  /** The recording the open dialog is about. */
  private dialogRecording: Recording | null = null
  /** A change is on its way to the server: keys wait for its answer. */
  busy = false

  static override _template(): Lightning.Component.Template<RecordingsPageSpec> {
    const { List, Empty } = ListPage.listTemplate(SAFE.x, LIST_Y)
    return {
      ...super._template(),
      Content: {
        Meter: {
          x: SAFE.x,
          y: CONTENT_Y,
          Label: { ...textSpec('', { color: COLOR.muted, width: LIST.w }) },
          Track: { y: 54, w: METER.w, h: METER.h, rect: true, color: COLOR.surface, Fill: { h: METER.h, rect: true, color: COLOR.accent } },
          Used: { y: 90, ...textSpec('', { bold: true, width: 760 }) },
          Free: { x: METER.w, y: 90, mountX: 1, ...textSpec('', { color: COLOR.muted, align: 'right' }) },
          Warning: { y: 134, visible: false, ...textSpec('', { size: TEXT.small, color: COLOR.warning, width: LIST.w }) },
        },
        List: { ...List, signals: { indexChanged: '_focusMoved' } },
        Empty,
        Next: {
          x: SIDE.x,
          y: CONTENT_Y,
          Heading: { ...textSpec('', { size: TEXT.heading, bold: true, width: SIDE.w }) },
          Explain: { y: 56, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: SIDE.w, maxLines: 4 }) },
          Items: { y: 210 },
        },
        Failure: { x: SIDE.x, y: SAFE.y + SAFE.h - 190, visible: false, ...textSpec('', { size: TEXT.small, color: COLOR.danger, width: SIDE.w, maxLines: 3 }) },
        // Ends at the safe area's bottom; large text makes it 12 px taller (issue 18, QA lane high-contrast-large-text).
        Done: { x: SIDE.x, y: SAFE.y + SAFE.h - (largeText() ? 92 : 80), visible: false, ...textSpec('', { bold: true, color: COLOR.ok, width: SIDE.w }) },
      },
      Dialog: { type: ChoiceDialog, x: -0, y: 0, signals: { chosen: '_dialogChosen', dismissed: '_dialogDismissed' } },
    }
  }

  get dialog(): ChoiceDialog {
    return this.tag('Dialog')!
  }

  /** The recording with focus, if any. */
  get focusedRecording(): Recording | undefined {
    return this.recordings?.at(this.list.index)
  }

  protected render(data: RecordingList): void {
    this.title = t('recordings.title')
    this.data = data
    this.recordings = recordingsWindow(data)
    this.tag('Content.Failure')!.visible = false
    this.renderQuota(data.quota)
    this.renderNext()
    this.showList(
      this.recordings,
      pagedLayout(RecordingRow, ROW, LIST.spacing, LIST.viewportHeight, recordingSpoken),
      t('recordings.empty'),
    )
  }

  protected idOf(recording: Recording): string {
    return recording.id
  }

  private renderQuota(quota: RecordingQuota): void {
    const colour = quota.warning ? COLOR.warning : COLOR.accent
    this.tag('Content.Meter.Label')!.text!.text = t('recordings.quota')
    this.tag('Content.Meter.Track.Fill')!.patch({ w: Math.round((METER.w * Math.min(100, quota.percent)) / 100), color: colour })
    const lines = quotaLines(quota)
    this.tag('Content.Meter.Used')!.patch({ text: { text: lines.used, textColor: quota.warning ? COLOR.warning : COLOR.text } })
    this.tag('Content.Meter.Free')!.text!.text = lines.free
    this.tag('Content.Meter.Warning')!.patch({ visible: quota.warning, text: { text: t('recordings.nearlyFull') } })
    this.arrival = recordingsArrival(quota)
  }

  private renderNext(): void {
    const data = this.data
    if (!data) return
    // The list is sorted by deletion date: its first recording is the next one deleted by date.
    const next = nextDeletions(this.recordings?.at(0), data.nextToDelete)
    this.tag('Content.Next.Heading')!.text!.text = t('recordings.next.title')
    this.tag('Content.Next.Explain')!.text!.text = next.length ? t('recordings.next.explain') : t('recordings.next.none')
    this.tag('Content.Next.Items')!.children = next.map(({ recording, line }, i) => ({
      y: i * 84,
      Title: { ...textSpec(recording.title, { width: SIDE.w }) },
      Line: { y: 40, ...textSpec(line, { size: TEXT.min, color: COLOR.muted, width: SIDE.w }) },
    }))
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.dialogStep.is('closed') ? super._getFocused() : this.dialog
  }

  /** The focused recording, when a key may act on it (no error shown, no change on its way). */
  private actionable(): Recording | undefined {
    return this.showingError || this.busy ? undefined : this.focusedRecording
  }

  override _handleEnter(): boolean {
    const recording = this.actionable()
    if (recording) this.openStep('actions', recording)
    return !!recording
  }

  _handleYellow(): boolean {
    const recording = this.actionable()
    if (recording) void this.protect(recording, !recording.protected)
    return !!recording
  }

  _handleRed(): boolean {
    const recording = this.actionable()
    if (recording) this.openStep('confirm-delete', recording)
    return !!recording
  }

  private openStep(step: Exclude<DialogStep, 'closed'>, recording: Recording): void {
    this.dialogStep.go(step)
    this.dialogRecording = recording
    this.dialog.open(step === 'actions' ? actionsDialog(recording) : deleteDialog(recording))
    this._refocus()
  }

  private closeDialog(): void {
    this.dialogStep.go('closed')
    this.dialogRecording = null
    this.dialog.close()
    this._refocus()
  }

  _dialogDismissed(): void {
    this.closeDialog()
  }

  _dialogChosen(id: RecordingChoice): void {
    const recording = this.dialogRecording
    if (!recording) return
    if (id === 'delete') {
      this.openStep('confirm-delete', recording)
      return
    }
    this.closeDialog()
    if (id === 'protect' || id === 'unprotect') void this.protect(recording, id === 'protect')
    if (id === 'confirm-delete') void this.perform(() => deleteRecording(recording.id), 'delete')
  }

  protected override keyHints(): KeyHint[] {
    return this.items.length ? recordingsKeys() : super.keyHints()
  }

  private protect(recording: Recording, protect: boolean): Promise<void> {
    return this.perform(() => setProtection(recording.id, protect), protect ? 'protect' : 'unprotect')
  }

  /** Writes, then says briefly what was done ("Gravação protegida"), on screen and by voice. */
  private async perform(write: () => Promise<Loaded<RecordingChange>>, change: 'protect' | 'unprotect' | 'delete'): Promise<void> {
    this.busy = true
    this.tag('Content.Done')!.visible = false
    const result = await write()
    this.busy = false
    if (!result.ok) {
      this.tag('Content.Failure')!.patch({ visible: true, text: { text: t('recordings.failed', { reason: describeFailure(result.failure) }) } })
      return
    }
    this.tag('Content.Failure')!.visible = false
    this.apply(result.data)
    const done = doneMessage(change)
    this.tag('Content.Done')!.patch({ visible: true, text: { text: done } })
    say(this, done)
  }

  /** The server's answer: the recording as it is now (or gone), the quota, the next candidates. */
  apply(change: RecordingChange): void {
    const recordings = this.recordings
    if (!recordings) return
    for (const id of change.removedIds) recordings.remove(id)
    if (change.recording) recordings.replace(change.recording)
    this.data = { quota: change.quota, nextToDelete: change.nextToDelete }
    this.renderQuota(change.quota)
    this.renderNext()
    // Same index: after a delete that is the recording that followed it (or the one before, at the end).
    this.replaceItems(recordings, t('recordings.empty'))
    void this._focusMoved(this.list.index)
    this._refocus()
  }
}
