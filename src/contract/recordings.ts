// Recordings and the recording quota (seed 004 TV §5.8–5.12): wire shapes.
// Quota and sizes travel in minutes of quota ("quota units"); the app shows hours.
import Type from 'typebox'
import { IsoDate, IsoDateTime, PageOf, PageQuery } from './common'

export const RecordingId = Type.String({ pattern: '^[a-z0-9-]{1,64}$' })

export const RecordingQuota = Type.Object({
  /** The customer's quota (§5.11: the operator may change it). */
  totalMinutes: Type.Integer({ minimum: 0 }),
  usedMinutes: Type.Integer({ minimum: 0 }),
  freeMinutes: Type.Integer({ minimum: 0 }),
  /** Whole percent used, rounded down; above 100 when the quota was lowered below what is stored. */
  percent: Type.Integer({ minimum: 0 }),
  /** Over 90 % used: the meter shows the warning colour. */
  warning: Type.Boolean(),
})
export type RecordingQuota = Type.Static<typeof RecordingQuota>

export const Recording = Type.Object({
  id: RecordingId,
  channel: Type.String(),
  title: Type.String(),
  startsAt: IsoDateTime,
  durationMinutes: Type.Integer({ minimum: 1 }),
  /** Quota units (minutes of quota) it takes. */
  sizeMinutes: Type.Integer({ minimum: 0 }),
  watched: Type.Boolean(),
  /** How much has been watched, 0–100. */
  progressPercent: Type.Integer({ minimum: 0, maximum: 100 }),
  /** Playing on a box now: automatic management leaves it alone. */
  watchingNow: Type.Boolean(),
  protected: Type.Boolean(),
  /** Made unavailable by the rights holder (§5.10): still in the quota, cannot be played. */
  unavailable: Type.Boolean(),
  /** The content's own deletion date, if it has one (§5.9). */
  scheduledDeletion: Type.Union([IsoDate, Type.Null()]),
  /** The day it is deleted: 6 months after recording or the scheduled date if earlier (§5.9). */
  deletionDate: IsoDate,
  /** The last day it can be watched: the eve of `deletionDate`, what "disponível até" names (§5.9). */
  lastViewingDay: IsoDate,
  deletionCause: Type.Union([Type.Literal('age'), Type.Literal('scheduled')]),
  /** Days from today to the deletion date. */
  daysLeft: Type.Integer({ minimum: 1 }),
  /** In the last 30 days: the app shows "disponível até dd/mm" with `lastViewingDay` (§5.9). */
  showDeletionDate: Type.Boolean(),
})
export type Recording = Type.Static<typeof Recording>

/**
 * Recordings a page holds at most: 100 of the longest the recorder stores (title 120,
 * channel 60 characters) are under 64 KB of JSON, so a low box never parses more (issue 20).
 */
export const RECORDINGS_PAGE_MAX = 100
/** A page when the box asks for no size. */
export const RECORDINGS_PAGE_DEFAULT = 50
/** How many of automatic management's next candidates an answer names ("próximas a apagar"). */
export const NEXT_TO_DELETE_COUNT = 5

export const RecordingListQuery = PageQuery(RECORDINGS_PAGE_MAX, RECORDINGS_PAGE_DEFAULT, 'recordings')
export type RecordingListQuery = Type.Static<typeof RecordingListQuery>

/** Automatic management's next candidates (§5.12), in its order: whole, wherever they are in the list's pages. */
const NextToDelete = Type.Array(Recording, { maxItems: NEXT_TO_DELETE_COUNT })

/** One page of the kept recordings, with the quota and the totals of the whole list. */
export const RecordingList = Type.Object({
  quota: RecordingQuota,
  /** Of the kept recordings, those whose deletion date is shown (last 30 days, §5.9). */
  expiringSoon: Type.Integer({ minimum: 0 }),
  /** Kept recordings, sorted by deletion date, first to go first. */
  ...PageOf(Recording, RECORDINGS_PAGE_MAX),
  /** What automatic management would delete first once space is needed (§5.12). */
  nextToDelete: NextToDelete,
})
export type RecordingList = Type.Static<typeof RecordingList>

/** The answer to protect, unprotect and delete: what changed, so the app updates list and meter from it. */
export const RecordingChange = Type.Object({
  quota: RecordingQuota,
  /** The recording as it is now; null when it was deleted. */
  recording: Type.Union([Recording, Type.Null()]),
  /** Ids no longer in the list. */
  removedIds: Type.Array(RecordingId),
  nextToDelete: NextToDelete,
})
export type RecordingChange = Type.Static<typeof RecordingChange>

export const RecordingParams = Type.Object({ id: RecordingId })

export const AutoDeletionQuery = Type.Object(
  { hours: Type.Integer({ minimum: 1, maximum: 1000, description: 'hours of new recordings to make room for' }) },
  { additionalProperties: false },
)

/** What automatic management would delete to make room for N more hours (§5.12), without deleting anything. */
export const AutoDeletionPreview = Type.Object({
  hours: Type.Integer(),
  quota: RecordingQuota,
  /** Whether N hours fit once these are gone (false: not even deleting every candidate makes room). */
  fits: Type.Boolean(),
  items: Type.Array(Recording),
})
export type AutoDeletionPreview = Type.Static<typeof AutoDeletionPreview>

/** QA: the recorder finished a recording. */
export const SimulatedRecording = Type.Object(
  {
    channel: Type.String({ minLength: 1, maxLength: 60 }),
    title: Type.String({ minLength: 1, maxLength: 120 }),
    durationMinutes: Type.Integer({ minimum: 1, maximum: 720 }),
    /** Quota units; the duration if left out. */
    sizeMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    scheduledDeletion: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
)
export type SimulatedRecording = Type.Static<typeof SimulatedRecording>

export const SimulatedRecordingResult = Type.Object({
  quota: RecordingQuota,
  recording: Recording,
  /** What automatic management deleted to make room, in order. */
  autoDeleted: Type.Array(Recording),
})
export type SimulatedRecordingResult = Type.Static<typeof SimulatedRecordingResult>

/** QA: the operator changes the quota (§5.11). */
export const QuotaChange = Type.Object({ totalHours: Type.Integer({ minimum: 0, maximum: 5000 }) }, { additionalProperties: false })

/** On home: the meter and what expires soon. */
export const RecordingsOverview = Type.Object({
  quota: RecordingQuota,
  count: Type.Integer({ minimum: 0 }),
  /** Recordings whose deletion date is shown (last 30 days). */
  expiringSoon: Type.Integer({ minimum: 0 }),
})
export type RecordingsOverview = Type.Static<typeof RecordingsOverview>
