// Who may see and manage recordings (seed 002): the TV service is a technical service.
import { describe, expect, it } from 'vitest'
import type { Profile } from '../../../src/contract/common'
import { can, denialReason } from '../../../src/domain/permissions'

const PROFILES: Profile[] = ['administrador', 'responsavel-delegado', 'responsavel-faturacao', 'responsavel-tecnico', 'utilizador']

describe('recordings permissions (seed 002)', () => {
  it('lets Administrador, Responsável Delegado and Responsável Técnico see and manage recordings', () => {
    for (const action of ['recordings.read', 'recordings.manage'] as const) {
      expect(PROFILES.filter((profile) => can(profile, action))).toEqual(['administrador', 'responsavel-delegado', 'responsavel-tecnico'])
    }
  })

  it('tells a Utilizador or Responsável de Faturação who can', () => {
    expect(denialReason('recordings.read')).toBe(
      'As gravações só podem ser vistas pelo Administrador, Responsável Delegado ou Responsável Técnico da conta.',
    )
  })
})
