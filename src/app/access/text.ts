// What a refused section says in full (issue 21, 8): a home card has room for the
// start of the reason only; OK opens this. Who may see the section and what each
// profile does (seed 002), the viewer's own profile, and how the Administrador gives
// access in the Área de Cliente (seed 002's steps), with how to register there first
// (seed 000). Pure: AccessPage lays it out, tests read it.
import type { Denied, Overview, Profile } from '../../contract'
import { denial } from '../../domain/permissions'
import type { Paragraph } from '../kit/Column'
import { t } from '../kit/i18n'
import { COLOR, TEXT } from '../kit/theme'

/** The sections home may refuse, by the part of the route after `access/`. */
export const REFUSABLE = ['invoices', 'recordings', 'premium', 'account'] as const
export type Refusable = (typeof REFUSABLE)[number]

/** What the page receives: which section, and home's overview that refused it. */
export interface Refusal {
  section: Refusable
  viewer: Profile
  denied: Denied
}

/** Seed 002's steps for the Administrador: Área de Cliente → Perfil → Gerir Utilizadores → Adicionar Utilizador. */
const GRANT_STEPS = 6
/** Seed 000's registration steps (the registration page's own words). */
const REGISTER_STEPS = 6

/**
 * The refusal of `section` in `overview`, or null when the viewer may see it. The account
 * is refused by the app's mirror of the server's table (home never asks for it).
 */
export function refusalOf(section: Refusable, overview: Overview): Refusal | null {
  const viewer = overview.viewer.profile
  const denied = section === 'account' ? accountDenial(viewer) : sectionDenial(overview[section])
  return denied ? { section, viewer, denied } : null
}

function sectionDenial(section: Overview['invoices' | 'recordings' | 'premium']): Denied | null {
  return section && 'denied' in section ? section : null
}

function accountDenial(viewer: Profile): Denied | null {
  const refused = denial('account.read')
  return refused.allowedProfiles.includes(viewer) ? null : { denied: true, ...refused }
}

export function refusalTitle(refusal: Refusal): string {
  return t(`home.${refusal.section}.denied`)
}

const heading = (text: string): Paragraph => ({ text, size: TEXT.small, color: COLOR.muted, bold: true })

/** Left: the whole reason, the viewer's profile, and who may see the section and what each profile does. */
export function whoMaySee(refusal: Refusal): Paragraph[] {
  return [
    { text: refusal.denied.reason, color: COLOR.warning },
    { text: t('access.yours', { profile: t(`profile.${refusal.viewer}`), does: t(`access.does.${refusal.viewer}`) }), size: TEXT.small },
    heading(t('access.who')),
    ...refusal.denied.allowedProfiles.map((profile) => ({ text: `${t(`profile.${profile}`)}: ${t(`access.does.${profile}`)}`, size: TEXT.small })),
  ]
}

/** Right: how access is given (seed 002), and how to register in the Área de Cliente first (seed 000). */
export function howToGetAccess(): Paragraph[] {
  return [
    heading(t('access.how')),
    { text: t('access.ask') },
    ...Array.from({ length: GRANT_STEPS }, (_, i) => ({ text: `${i + 1}. ${t(`access.step${i + 1}`)}`, size: TEXT.small })),
    heading(t('access.register')),
    ...Array.from({ length: REGISTER_STEPS }, (_, i) => ({ text: `${i + 1}. ${t(`registration.step${i + 1}`)}`, size: TEXT.small })),
  ]
}
