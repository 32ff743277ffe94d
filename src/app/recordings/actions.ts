// The recordings' reads past the first page and their writes, through the API client
// (DESIGN §2: pages never call the API). The server answers each write with the
// recording and the quota as they now are.
import { RECORDINGS_PAGE_DEFAULT, type RecordingChange, type RecordingList } from '../../contract'
import { type Loaded, load } from '../../data/load'
import { PagedWindow } from '../../data/pagedWindow'
import { services } from '../shell/services'

/**
 * Pages of recordings held at once: 4 × RECORDINGS_PAGE_DEFAULT (50) = 200 recordings at most,
 * whatever the account holds (issue 20: a 2 000-recording account never lives whole on the box).
 */
export const RECORDINGS_PAGES_HELD = 4

/** The first page, as the route asks for it. */
export function firstRecordingsPage() {
  return services().api.recordings({ limit: RECORDINGS_PAGE_DEFAULT })
}

/** The list from its first page on: further pages are asked for around the focus. */
export function recordingsWindow(first: RecordingList): PagedWindow<RecordingList['items'][number], RecordingList> {
  return new PagedWindow(first, (cursor) => load(() => services().api.recordings({ cursor, limit: RECORDINGS_PAGE_DEFAULT })), RECORDINGS_PAGES_HELD)
}

export function setProtection(id: string, protect: boolean): Promise<Loaded<RecordingChange>> {
  return load(() => services().api.setRecordingProtection(id, protect))
}

export function deleteRecording(id: string): Promise<Loaded<RecordingChange>> {
  return load(() => services().api.deleteRecording(id))
}
