// Demo recordings for every scenario, dated from the seeding day so each one
// holds on that day: `quota-full` is at 98 % with a mix of watched, unwatched,
// protected, unavailable, being-watched and expiring (§5.9–5.12 of seed 004 TV);
// `heavy` has 2 000 recordings. Everything is at most 178 days old, so nothing
// has reached its 6-month deletion day (never less than 181 days) when seeded.
import { addDays } from '../../domain/dates'
import type { Db, RecordingTable } from '../store/db'
import { seededRandom } from './random'

interface Programme {
  channel: string
  title: string
  minutes: number
  /** Shown in UHD: takes twice its duration of quota. */
  uhd?: boolean
}

const PROGRAMMES: Programme[] = [
  { channel: 'RTP1', title: 'Telejornal', minutes: 60 },
  { channel: 'RTP1', title: 'O Preço Certo', minutes: 45 },
  { channel: 'RTP1', title: 'Festival da Canção', minutes: 150 },
  { channel: 'RTP2', title: 'Jornal 2', minutes: 30 },
  { channel: 'RTP2', title: 'Portugal Selvagem', minutes: 55 },
  { channel: 'SIC', title: 'Jornal da Noite', minutes: 75 },
  { channel: 'SIC', title: 'Casados à Primeira Vista', minutes: 120 },
  { channel: 'SIC', title: 'Alma Gémea', minutes: 50 },
  { channel: 'TVI', title: 'Jornal Nacional', minutes: 70 },
  { channel: 'TVI', title: 'Big Brother: Gala', minutes: 150 },
  { channel: 'TVI', title: 'Festa é Festa', minutes: 45 },
  { channel: 'CNN Portugal', title: 'Grande Entrevista', minutes: 50 },
  { channel: 'SIC Notícias', title: 'Opinião Pública', minutes: 60 },
  { channel: 'Sport TV1', title: 'Liga Portugal: Benfica x FC Porto', minutes: 120, uhd: true },
  { channel: 'Sport TV1', title: 'Liga Portugal: Sporting x SC Braga', minutes: 120 },
  { channel: 'Sport TV2', title: 'Liga dos Campeões: Resumo', minutes: 45 },
  { channel: 'TVCine Top', title: 'Oppenheimer', minutes: 180, uhd: true },
  { channel: 'TVCine Top', title: 'Dune: Parte Dois', minutes: 166 },
  { channel: 'TVCine Edition', title: 'Os Maias', minutes: 140 },
  { channel: 'Hollywood', title: 'Gladiador', minutes: 155 },
  { channel: 'AXN', title: 'Anatomia de Grey', minutes: 45 },
  { channel: 'National Geographic', title: 'Planeta Oceano', minutes: 50 },
  { channel: 'Canal Panda', title: 'Ruca', minutes: 25 },
  { channel: 'Canal Panda', title: 'Panda e os Caricas', minutes: 30 },
]

/** Oldest recording a scenario gets: the 6-month rule never deletes before 181 days. */
const MAX_AGE_DAYS = 178

interface Draft {
  programme: Programme
  daysAgo: number
  /** Minutes after 13:00 UTC (still the same day in Lisbon). */
  startOffset: number
  watched?: boolean
  progress?: number
  watchingNow?: boolean
  protected?: boolean
  unavailable?: boolean
  /** Days from the seeding day to the content's scheduled deletion. */
  scheduledInDays?: number
  sizeMinutes?: number
}

interface RecordingPlan {
  quotaHours: number
  drafts: (random: () => number) => Draft[]
  /** Quota use the seeded recordings add up to exactly, if set (the last draft absorbs the difference). */
  usedMinutes?: number
}

/** Recordings a household makes over six months: older ones mostly watched, a few protected. */
function household(count: number, random: () => number, maxAgeDays = MAX_AGE_DAYS): Draft[] {
  return Array.from({ length: count }, () => {
    const programme = PROGRAMMES[Math.floor(random() * PROGRAMMES.length)]
    const daysAgo = Math.floor(random() * (maxAgeDays + 1))
    const watched = random() < 0.25 + (daysAgo / maxAgeDays) * 0.6
    const started = !watched && random() < 0.3
    return {
      programme,
      daysAgo,
      startOffset: Math.floor(random() * 9 * 60),
      watched,
      progress: watched ? 100 : started ? 10 + Math.floor(random() * 70) : 0,
      protected: random() < 0.1,
      unavailable: random() < 0.02,
      scheduledInDays: random() < 0.04 ? 3 + Math.floor(random() * 40) : undefined,
    }
  })
}

const p = (title: string): Programme => {
  const found = PROGRAMMES.find((programme) => programme.title === title)
  if (!found) throw new Error(`no programme ${title}`)
  return found
}

const PLANS: Record<string, RecordingPlan> = {
  healthy: { quotaHours: 120, drafts: (random) => household(42, random) },
  overdue: { quotaHours: 100, drafts: (random) => household(24, random) },
  'new-customer': { quotaHours: 100, drafts: (random) => household(4, random, 5) },
  restricted: { quotaHours: 120, drafts: (random) => household(30, random) },
  // 98 % of 100 h: the next long recording makes automatic management delete.
  'quota-full': {
    quotaHours: 100,
    usedMinutes: 5880,
    drafts: (random) => [
      { programme: p('Telejornal'), daysAgo: 172, startOffset: 420, watched: true, progress: 100 },
      { programme: p('Liga Portugal: Benfica x FC Porto'), daysAgo: 168, startOffset: 390, watched: true, progress: 100, protected: true },
      { programme: p('Os Maias'), daysAgo: 163, startOffset: 480 },
      { programme: p('Gladiador'), daysAgo: 40, startOffset: 480, scheduledInDays: 5 },
      { programme: p('Anatomia de Grey'), daysAgo: 90, startOffset: 500, unavailable: true, watched: false, progress: 20 },
      { programme: p('Festival da Canção'), daysAgo: 20, startOffset: 420, watchingNow: true, progress: 40 },
      { programme: p('Oppenheimer'), daysAgo: 60, startOffset: 450, protected: true },
      ...household(80, random, 150),
    ],
  },
  heavy: { quotaHours: 4500, drafts: (random) => household(2000, random) },
}

function rowsFor(scenarioId: string, accountId: string, today: string, plan: RecordingPlan, randomSeed: number): RecordingTable[] {
  const random = seededRandom(randomSeed)
  const drafts = plan.drafts(random)
  const rows = drafts.map((draft, index): RecordingTable => {
    const recordedOn = addDays(today, -draft.daysAgo)
    const minutes = 13 * 60 + draft.startOffset
    const startsAt = `${recordedOn}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`
    const watched = draft.watched ?? false
    return {
      id: `rec-${scenarioId}-${String(index + 1).padStart(4, '0')}`,
      account_id: accountId,
      channel: draft.programme.channel,
      title: draft.programme.title,
      starts_at: startsAt,
      recorded_on: recordedOn,
      duration_minutes: draft.programme.minutes,
      size_minutes: draft.sizeMinutes ?? draft.programme.minutes * (draft.programme.uhd ? 2 : 1),
      watched: watched ? 1 : 0,
      progress_percent: watched ? 100 : (draft.progress ?? 0),
      watching_now: draft.watchingNow ? 1 : 0,
      protected: draft.protected ? 1 : 0,
      unavailable: draft.unavailable ? 1 : 0,
      scheduled_deletion: draft.scheduledInDays === undefined ? null : addDays(today, draft.scheduledInDays),
      deleted_on: null,
      deleted_by: null,
    }
  })
  if (plan.usedMinutes !== undefined) fitTo(rows, plan.usedMinutes)
  return rows
}

/** Drops the newest surplus recordings, then resizes the last one, so the total is exactly `usedMinutes`. */
function fitTo(rows: RecordingTable[], usedMinutes: number): void {
  const total = () => rows.reduce((sum, row) => sum + row.size_minutes, 0)
  while (rows.length > 1 && total() - rows[rows.length - 1].size_minutes >= usedMinutes) rows.pop()
  const last = rows[rows.length - 1]
  last.size_minutes += usedMinutes - total()
  last.duration_minutes = Math.max(1, last.size_minutes)
}

/** Seeds a scenario's quota and recordings (inside the seeding transaction). */
export async function seedRecordings(db: Db, scenarioId: string, accountId: string, today: string, scenarioIndex: number): Promise<void> {
  const plan = PLANS[scenarioId]
  if (!plan) return
  await db.insertInto('recording_quota').values({ account_id: accountId, total_minutes: plan.quotaHours * 60 }).execute()
  // Seeded per scenario: the same day always gives the same recordings.
  const rows = rowsFor(scenarioId, accountId, today, plan, 7919 * (scenarioIndex + 1))
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('recording')
      .values(rows.slice(i, i + 200))
      .execute()
  }
}
