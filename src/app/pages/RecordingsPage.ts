// recordings: the quota meter, every recording first-to-be-deleted first, and
// what automatic management deletes next (seed 004 TV §5.9–5.12, DESIGN §3).
// OK opens a recording's options; yellow protects or unprotects; red deletes
// after a confirmation naming the recording. The server answers every change
// with the quota and the recording as they now are; the list and meter update
// from that answer and focus stays on the neighbouring recording.
import { Lightning } from '@lightningjs/sdk'
import type { Recording, RecordingChange, RecordingList, RecordingQuota } from '../../contract'
import { load } from '../../data/load'
import { formatDayMonth, formatDayTime, formatDuration, formatHours, formatPercent } from '../../domain/format'
import { t, uiLanguage } from '../i18n'
import { services } from '../services'
import { COLOR, SAFE, TEXT } from '../theme'
import { ChoiceDialog } from '../widgets/ChoiceDialog'
import { describeFailure } from '../widgets/ErrorPanel'
import { FocusBox } from '../widgets/FocusBox'
import { textSpec } from '../widgets/text'
import { EmptyState } from '../widgets/EmptyState'
import { VirtualList } from '../widgets/VirtualList'
import { CONTENT_Y, DataPage } from './DataPage'

// Five whole rows: a row cut at the list's edge reads as a glitch from the sofa.
export const LIST = { w: 1100, rowHeight: 96, spacing: 10, viewportHeight: 5 * 106 }
const METER = { w: LIST.w, h: 20 }
const LIST_Y = CONTENT_Y + 196
const SIDE = { x: SAFE.x + LIST.w + 84, w: SAFE.w - LIST.w - 84 }

/** "Vista", "Vista 40 %", "Protegida", "Indisponível", "A ser vista": what a subscriber needs to decide. */
export function recordingMarks(recording: Recording): string[] {
  const marks: string[] = []
  if (recording.watchingNow) marks.push(t('recordings.mark.watching'))
  else if (recording.watched) marks.push(t('recordings.mark.watched'))
  else if (recording.progressPercent > 0) marks.push(t('recordings.mark.progress', { percent: formatPercent(recording.progressPercent) }))
  if (recording.protected) marks.push(t('recordings.mark.protected'))
  if (recording.unavailable) marks.push(t('recordings.mark.unavailable'))
  return marks
}

export class RecordingRow extends FocusBox {
  recording: Recording | null = null

  set item(recording: Recording) {
    this.recording = recording
    const right = LIST.w - 28
    this.tag('Content').children = {
      Title: { x: 28, y: 12, ...textSpec(recording.title, { bold: true, width: 640 }) },
      Line: {
        x: 28,
        y: 54,
        ...textSpec(
          t('recordings.line', { channel: recording.channel, date: formatDayTime(recording.startsAt), duration: formatDuration(recording.durationMinutes) }),
          { size: TEXT.small, color: COLOR.muted, width: 640 },
        ),
      },
      Until: {
        x: right,
        y: 12,
        mountX: 1,
        visible: recording.showDeletionDate,
        ...textSpec(recording.showDeletionDate ? t('recordings.availableUntil', { date: formatDayMonth(recording.lastViewingDay, uiLanguage()) }) : '', {
          size: TEXT.small,
          bold: true,
          color: COLOR.warning,
          align: 'right',
        }),
      },
      Marks: {
        x: right,
        y: 56,
        mountX: 1,
        ...textSpec(recordingMarks(recording).join(' · '), { size: TEXT.small, color: recording.unavailable ? COLOR.danger : COLOR.text, align: 'right' }),
      },
    }
  }
}

type DialogStep = { kind: 'actions'; recording: Recording } | { kind: 'confirm-delete'; recording: Recording }

export class RecordingsPage extends DataPage<RecordingList> {
  private data: RecordingList | null = null
  private step: DialogStep | null = null
  /** A change is on its way to the server: keys wait for its answer. */
  busy = false

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
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
        List: { type: VirtualList, x: SAFE.x, y: LIST_Y },
        Empty: { type: EmptyState, x: SAFE.x, y: LIST_Y },
        Next: {
          x: SIDE.x,
          y: CONTENT_Y,
          Heading: { ...textSpec('', { size: TEXT.heading, bold: true, width: SIDE.w }) },
          Explain: { y: 56, ...textSpec('', { size: TEXT.small, color: COLOR.muted, width: SIDE.w, maxLines: 4 }) },
          Items: { y: 210 },
        },
        Failure: { x: SIDE.x, y: SAFE.y + SAFE.h - 190, visible: false, ...textSpec('', { size: TEXT.small, color: COLOR.danger, width: SIDE.w, maxLines: 3 }) },
        Hint: { x: SIDE.x, y: SAFE.y + SAFE.h - 80, ...textSpec('', { size: TEXT.min, color: COLOR.muted, width: SIDE.w, maxLines: 2 }) },
      },
      Dialog: { type: ChoiceDialog, x: -0, y: 0, signals: { chosen: '_dialogChosen', dismissed: '_dialogDismissed' } },
    }
  }

  get list(): VirtualList<Recording> {
    return this.tag('List') as VirtualList<Recording>
  }

  get dialog(): ChoiceDialog {
    return this.tag('Dialog') as ChoiceDialog
  }

  /** The recording with focus, if any. */
  get focusedRecording(): Recording | undefined {
    return this.data?.items[this.list.index]
  }

  protected render(data: RecordingList): void {
    this.title = t('recordings.title')
    this.data = { ...data, items: [...data.items] }
    this.tag('Hint').text.text = t('recordings.hint')
    this.tag('Failure').visible = false
    this.renderQuota(data.quota)
    this.renderNext()
    ;(this.tag('Empty') as EmptyState).show(data.items.length === 0 ? t('recordings.empty') : null)
    this.list.setup({
      items: this.data.items,
      width: LIST.w,
      rowHeight: LIST.rowHeight,
      spacing: LIST.spacing,
      viewportHeight: LIST.viewportHeight,
      row: (recording) => ({ type: RecordingRow, item: recording }) as never,
    })
  }

  private renderQuota(quota: RecordingQuota): void {
    const colour = quota.warning ? COLOR.warning : COLOR.accent
    this.tag('Meter.Label').text.text = t('recordings.quota')
    this.tag('Meter.Track.Fill').patch({ w: Math.round((METER.w * Math.min(100, quota.percent)) / 100), color: colour })
    this.tag('Meter.Used').patch({
      text: {
        text: t('recordings.used', { used: formatHours(quota.usedMinutes), total: formatHours(quota.totalMinutes), percent: formatPercent(quota.percent) }),
        textColor: quota.warning ? COLOR.warning : COLOR.text,
      },
    })
    this.tag('Meter.Free').text.text = t('recordings.free', { free: formatHours(quota.freeMinutes) })
    this.tag('Meter.Warning').patch({ visible: quota.warning, text: { text: t('recordings.nearlyFull') } })
  }

  private renderNext(): void {
    const data = this.data
    if (!data) return
    const byId = new Map(data.items.map((recording) => [recording.id, recording]))
    const next = data.nextToDelete.map((id) => byId.get(id)).filter((recording): recording is Recording => !!recording)
    this.tag('Next.Heading').text.text = t('recordings.next.title')
    this.tag('Next.Explain').text.text = next.length ? t('recordings.next.explain') : t('recordings.next.none')
    this.tag('Next.Items').children = next.map((recording, i) => ({
      y: i * 84,
      Title: { ...textSpec(recording.title, { width: SIDE.w }) },
      Line: { y: 40, ...textSpec(`${recording.channel} · ${formatDayTime(recording.startsAt)}`, { size: TEXT.min, color: COLOR.muted, width: SIDE.w }) },
    }))
  }

  protected focusedContent(): Lightning.Component | undefined {
    return this.data?.items.length ? (this.list as Lightning.Component) : (this.tag('Empty') as Lightning.Component)
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.dialog.isOpen ? this.dialog : super._getFocused()
  }

  override _handleEnter(): boolean {
    const recording = this.focusedRecording
    if (this.showingError || this.busy || !recording) return false
    this.openStep({ kind: 'actions', recording })
    return true
  }

  _handleYellow(): boolean {
    const recording = this.focusedRecording
    if (this.showingError || this.busy || !recording) return false
    void this.protect(recording, !recording.protected)
    return true
  }

  _handleRed(): boolean {
    const recording = this.focusedRecording
    if (this.showingError || this.busy || !recording) return false
    this.openStep({ kind: 'confirm-delete', recording })
    return true
  }

  private openStep(step: DialogStep): void {
    this.step = step
    const { recording } = step
    if (step.kind === 'actions') {
      this.dialog.open({
        title: recording.title,
        message: `${t('recordings.line', { channel: recording.channel, date: formatDayTime(recording.startsAt), duration: formatDuration(recording.durationMinutes) })}\n${t('recordings.protect.note')}`,
        choices: [
          recording.protected ? { id: 'unprotect', label: t('recordings.actions.unprotect') } : { id: 'protect', label: t('recordings.actions.protect') },
          { id: 'delete', label: t('recordings.actions.delete') },
          { id: 'cancel', label: t('recordings.actions.cancel') },
        ],
      })
    } else {
      this.dialog.open({
        title: t('recordings.delete.title'),
        message: t('recordings.delete.message', { title: recording.title, channel: recording.channel, date: formatDayTime(recording.startsAt) }),
        choices: [
          { id: 'cancel', label: t('recordings.delete.cancel') },
          { id: 'confirm-delete', label: t('recordings.delete.confirm') },
        ],
        // Deleting cannot be undone: OK right away keeps the recording.
        focusId: 'cancel',
      })
    }
    this._refocus()
  }

  private closeDialog(): void {
    this.step = null
    this.dialog.close()
    this._refocus()
  }

  _dialogDismissed(): void {
    this.closeDialog()
  }

  _dialogChosen(id: string): void {
    const step = this.step
    if (!step) return
    const { recording } = step
    if (id === 'delete') {
      this.openStep({ kind: 'confirm-delete', recording })
      return
    }
    this.closeDialog()
    if (id === 'protect' || id === 'unprotect') void this.protect(recording, id === 'protect')
    if (id === 'confirm-delete') void this.remove(recording)
  }

  private protect(recording: Recording, protect: boolean): Promise<void> {
    return this.perform(() => services().api.setRecordingProtection(recording.id, protect))
  }

  private remove(recording: Recording): Promise<void> {
    return this.perform(() => services().api.deleteRecording(recording.id))
  }

  private async perform(request: Parameters<typeof load<RecordingChange>>[0]): Promise<void> {
    this.busy = true
    const result = await load(request)
    this.busy = false
    if (!result.ok) {
      this.tag('Failure').patch({ visible: true, text: { text: t('recordings.failed', { reason: describeFailure(result.failure) }) } })
      return
    }
    this.tag('Failure').visible = false
    this.apply(result.data)
  }

  /** The server's answer: the recording as it is now (or gone), the quota, the next candidates. */
  apply(change: RecordingChange): void {
    const data = this.data
    if (!data) return
    const removed = new Set(change.removedIds)
    let items = data.items.filter((recording) => !removed.has(recording.id))
    if (change.recording) {
      const updated = change.recording
      items = items.map((recording) => (recording.id === updated.id ? updated : recording))
    }
    this.data = { quota: change.quota, items, nextToDelete: change.nextToDelete }
    this.renderQuota(change.quota)
    this.renderNext()
    ;(this.tag('Empty') as EmptyState).show(items.length === 0 ? t('recordings.empty') : null)
    // Same index: after a delete that is the recording that followed it (or the one before, at the end).
    this.list.replaceItems(items)
    this._refocus()
  }
}
