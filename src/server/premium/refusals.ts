// Premium refusals carry a PinRefusal body (tries left and lock, when the PIN is concerned).
import type { PinRefusal } from '../../contract'
import { ApiError } from '../http/errors'

export function refusal(status: number, body: PinRefusal): ApiError {
  return new ApiError(status, body)
}

export const conflict = (error: string, reason: string) => refusal(409, { error, reason })
export const unprocessable = (error: string, reason: string) => refusal(422, { error, reason })
