// Who may do what, by access profile of the Área de Cliente (seed 002).
// Administrador and Responsável Delegado may do everything; each action lists
// the other profiles that may also do it. Adding an action is one line.
import type { Profile } from '../contract/common'

// Every route of the API declares one of these actions (`config: { action }`, see
// src/server/http/auth.ts), and test/unit/server/permissions-walk.test.ts checks every
// route against every profile with this table.
const FULL_ACCESS: readonly Profile[] = ['administrador', 'responsavel-delegado']
/** Actions any viewer of the box may do: the rest of the account is refused section by section. */
const EVERYONE: readonly Profile[] = ['responsavel-faturacao', 'responsavel-tecnico', 'utilizador']

const ACTIONS = {
  /** Financial data: invoices, references and amounts (Responsável de Faturação). */
  'invoices.read': { alsoAllowed: ['responsavel-faturacao'], refusal: 'As faturas só podem ser vistas' },
  /**
   * Complaining about an invoice manages the account: seed 002 gives that to the Administrador and the
   * Responsável Delegado ("gerir todas as funcionalidades"); the Responsável de Faturação may only
   * "consultar" financial data, so it sees a complaint and its state but does not make one.
   */
  'invoices.complain': { alsoAllowed: [], refusal: 'As faturas só podem ser reclamadas' },
  /**
   * Channel-change notices concern everyone who watches at home: seed 004 TV §2.1.3 has them shown "on the
   * screen of the equipment", whoever holds the remote, and the channel line-up is part of every member's
   * service (seed 002 Utilizador: "o serviço que lhe foi atribuído"). So every profile reads notices.
   */
  'notices.read': { alsoAllowed: ['responsavel-faturacao', 'responsavel-tecnico', 'utilizador'], refusal: 'Os avisos só podem ser vistos' },
  /**
   * The details of a contract change (prices, terms, the free-exit right of seed 004 general §5.2) are
   * contract and financial data: seed 002 gives those to the Administrador, Responsável Delegado and
   * Responsável de Faturação. Others see that a change is coming and when, not its terms.
   */
  'notices.contract': { alsoAllowed: ['responsavel-faturacao'], refusal: 'Os detalhes das alterações ao contrato só podem ser vistos' },
  // Recordings are part of the TV service, a technical service: Responsável Técnico
  // ("pode gerir serviços técnicos"). Not Responsável de Faturação (financial data
  // only) nor Utilizador: seed 002 says that profile exists only for mobile lines
  // (a phone inside a TV package, company mobile numbers), so the one service it
  // is assigned is never the TV service and its recordings.
  'recordings.read': { alsoAllowed: ['responsavel-tecnico'], refusal: 'As gravações só podem ser vistas' },
  'recordings.manage': { alsoAllowed: ['responsavel-tecnico'], refusal: 'As gravações só podem ser protegidas ou apagadas' },
  /** Home: the account at a glance, each section either shown or refused with its reason. */
  'overview.read': { alsoAllowed: EVERYONE, refusal: 'O resumo da conta só pode ser visto' },
  /** Opening a session with the box's device token (seed 004 TV §4.2: one session per credentials). */
  'session.open': { alsoAllowed: EVERYONE, refusal: 'A sessão só pode ser aberta' },
  /** Whether the account is registered in the Área de Cliente, and how to register (seed 000). */
  'registration.read': { alsoAllowed: EVERYONE, refusal: 'O registo na Área de Cliente só pode ser visto' },
  /** Holder, NIF, contract, installation address: not for a Utilizador, who sees only their own service. */
  'account.read': {
    alsoAllowed: ['responsavel-faturacao', 'responsavel-tecnico'],
    refusal: 'Os dados da conta (titular, NIF, contrato e morada) só podem ser vistos',
  },
  /** The installer screen: binding and registration state for any bound box; its service list needs services.read. */
  'diagnostics.read': { alsoAllowed: EVERYONE, refusal: 'O diagnóstico da box só pode ser visto' },
  /** Technical services: registered services, equipment, activation (Responsável Técnico). */
  'services.read': { alsoAllowed: ['responsavel-tecnico'], refusal: 'Os serviços e equipamentos da conta só podem ser vistos' },
  /** Commitment (fidelização) and the early-termination charge are amounts: financial data. */
  'commitment.read': {
    alsoAllowed: ['responsavel-faturacao'],
    refusal: 'A fidelização e o valor a pagar numa rescisão antecipada só podem ser vistos',
  },
  /** Points are earned on euros paid (seed 003): financial data. */
  'points.read': { alsoAllowed: ['responsavel-faturacao'], refusal: 'Os pontos da conta só podem ser vistos' },
  /** Switching the e-invoice on or off manages the account; the Responsável de Faturação
   * "Pode consultar dados financeiros" (seed 002): consults, does not change. */
  'einvoice.write': { alsoAllowed: [], refusal: 'A fatura eletrónica só pode ser ativada ou desativada' },
  /** Premium catalogue and subscriptions: services with their prices (seed 004 TV §2.1.1). */
  'premium.read': { alsoAllowed: ['responsavel-faturacao'], refusal: 'Os serviços premium só podem ser consultados' },
  /** Subscribing, cancelling and changing the purchase PIN: only the profiles with full access. */
  'premium.manage': { alsoAllowed: [], refusal: 'Os serviços premium só podem ser subscritos ou cancelados' },
} as const satisfies Record<string, { alsoAllowed: readonly Profile[]; refusal: string }>

export type Action = keyof typeof ACTIONS

export const PROFILE_NAMES: Readonly<Record<Profile, string>> = {
  administrador: 'Administrador',
  'responsavel-delegado': 'Responsável Delegado',
  'responsavel-faturacao': 'Responsável de Faturação',
  'responsavel-tecnico': 'Responsável Técnico',
  utilizador: 'Utilizador',
}

/** Every action of the table, for tests and for the app's mirror of it. */
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[]

export const PROFILES: readonly Profile[] = ['administrador', 'responsavel-delegado', 'responsavel-faturacao', 'responsavel-tecnico', 'utilizador']

export function allowedProfiles(action: Action): Profile[] {
  return [...FULL_ACCESS, ...ACTIONS[action].alsoAllowed]
}

export function can(profile: Profile, action: Action): boolean {
  return allowedProfiles(action).includes(profile)
}

/** "As faturas só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta." */
export function denialReason(action: Action): string {
  const names = allowedProfiles(action).map((profile) => PROFILE_NAMES[profile])
  const last = names.pop()
  const who = names.length > 0 ? `${names.join(', ')} ou ${last}` : last
  return `${ACTIONS[action].refusal} pelo ${who} da conta.`
}

/** A refusal as the API sends it: the reason and the profiles the viewer can turn to. */
export function denial(action: Action): { reason: string; allowedProfiles: Profile[] } {
  return { reason: denialReason(action), allowedProfiles: allowedProfiles(action) }
}
