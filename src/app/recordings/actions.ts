// The recordings' reads past the first page and their writes, through the API client
// (DESIGN §2: pages never call the API). The server answers each write with the
// recording and the quota as they now are.
import { RECORDINGS_PAGE_DEFAULT, type RecordingChange, type RecordingList } from '../../contract'
import { type Loaded, load } from '../../data/load'
import { type PagedWindow, pagesOf } from '../../data/pagedWindow'
import { services } from '../shell/services'

/** The first page, as the route asks for it. */
export function firstRecordingsPage() {
  return services().api.recordings({ limit: RECORDINGS_PAGE_DEFAULT })
}

/** The list from its first page on: further pages are asked for around the focus. */
export function recordingsWindow(first: RecordingList): PagedWindow<RecordingList['items'][number], RecordingList> {
  return pagesOf(first, (page) => services().api.recordings(page), RECORDINGS_PAGE_DEFAULT)
}

export function setProtection(id: string, protect: boolean): Promise<Loaded<RecordingChange>> {
  return load(() => services().api.setRecordingProtection(id, protect))
}

export function deleteRecording(id: string): Promise<Loaded<RecordingChange>> {
  return load(() => services().api.deleteRecording(id))
}
