// One recording in the list: title, channel, date and duration; its last day when
// within 30 days (seed 004 TV §5.9) and its marks (watched, protected, unavailable).
import type { Recording } from '../../contract'
import { FocusBox } from '../kit/FocusBox'
import { COLOR, TEXT } from '../kit/theme'
import { textSpec } from '../kit/textSpec'
import { availableUntil, recordingLine, recordingMarks } from './text'

export const ROW = { w: 1100, h: 96 }

export class RecordingRow extends FocusBox {
  recording: Recording | null = null

  set item(recording: Recording) {
    this.recording = recording
    const right = this.w - 28
    this.fillContent({
      Title: { x: 28, y: 12, ...textSpec(recording.title, { bold: true, width: 640 }) },
      Line: {
        x: 28,
        y: 54,
        ...textSpec(recordingLine(recording), { size: TEXT.small, color: COLOR.muted, width: 640 }),
      },
      Until: {
        x: right,
        y: 12,
        mountX: 1,
        visible: recording.showDeletionDate,
        ...textSpec(availableUntil(recording), {
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
    })
  }
}
