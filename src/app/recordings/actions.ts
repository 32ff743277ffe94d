// The recordings' writes, through the API client (DESIGN §2: pages never call the
// API). The server answers each with the recording and the quota as they now are.
import type { RecordingChange } from '../../contract'
import { type Loaded, load } from '../../data/load'
import { services } from '../shell/services'

export function setProtection(id: string, protect: boolean): Promise<Loaded<RecordingChange>> {
  return load(() => services().api.setRecordingProtection(id, protect))
}

export function deleteRecording(id: string): Promise<Loaded<RecordingChange>> {
  return load(() => services().api.deleteRecording(id))
}
