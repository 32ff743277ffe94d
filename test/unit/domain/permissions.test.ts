import { describe, expect, it } from 'vitest'
import type { Profile } from '../../../src/contract/common'
import { allowedProfiles, can, denial, denialReason, PROFILE_NAMES } from '../../../src/domain/permissions'

const PROFILES: Profile[] = ['administrador', 'responsavel-delegado', 'responsavel-faturacao', 'responsavel-tecnico', 'utilizador']

describe('permission table (seed 002)', () => {
  it('lets Administrador, Responsável Delegado and Responsável de Faturação read invoices', () => {
    expect(PROFILES.filter((profile) => can(profile, 'invoices.read'))).toEqual([
      'administrador',
      'responsavel-delegado',
      'responsavel-faturacao',
    ])
    expect(allowedProfiles('invoices.read')).toEqual(['administrador', 'responsavel-delegado', 'responsavel-faturacao'])
  })

  it('lets only the profiles that manage the account complain about an invoice: Faturação only consults (seed 002)', () => {
    expect(PROFILES.filter((profile) => can(profile, 'invoices.complain'))).toEqual(['administrador', 'responsavel-delegado'])
    expect(denialReason('invoices.complain')).toBe('As faturas só podem ser reclamadas pelo Administrador ou Responsável Delegado da conta.')
  })

  it('names every profile in pt-PT', () => {
    expect(PROFILES.map((profile) => PROFILE_NAMES[profile])).toEqual([
      'Administrador',
      'Responsável Delegado',
      'Responsável de Faturação',
      'Responsável Técnico',
      'Utilizador',
    ])
  })

  it('explains a refusal and who can help', () => {
    expect(denialReason('invoices.read')).toBe(
      'As faturas só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável de Faturação da conta.',
    )
    expect(denial('invoices.read')).toEqual({
      reason: denialReason('invoices.read'),
      allowedProfiles: ['administrador', 'responsavel-delegado', 'responsavel-faturacao'],
    })
  })

  it('lets every profile read notices, and only contract-data profiles see contract-change terms', () => {
    expect(PROFILES.filter((profile) => can(profile, 'notices.read'))).toEqual(PROFILES)
    expect(PROFILES.filter((profile) => can(profile, 'notices.contract'))).toEqual([
      'administrador',
      'responsavel-delegado',
      'responsavel-faturacao',
    ])
  })
})
