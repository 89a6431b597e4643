import { z } from 'zod'
import { CLAIM_STATUSES, VERDICTS } from '../workflow'
import { EXPORT_FORMATS } from '../exports/types'
import { idField } from '../utils/schemas'

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-01-31')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Not a real date')

/** Export filters as they arrive in a query string or CLI flags. */
export const ExportFiltersSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of: ${EXPORT_FORMATS.join(', ')}` }),
  status: z
    .enum([...CLAIM_STATUSES, 'all'], { error: `status must be one of: ${CLAIM_STATUSES.join(', ')}, all` })
    .default('approved'),
  verdict: z.enum(VERDICTS, { error: `verdict must be one of: ${VERDICTS.join(', ')}` }).optional(),
  article: idField.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  excel: z
    .enum(['true', 'false', '1', '0'], { error: 'excel must be true or false' })
    .optional()
    .transform((v) => v === 'true' || v === '1'),
})
export type ExportFilters = z.infer<typeof ExportFiltersSchema>
