import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { deleteUserSessions } from '~/models/session.server'
import { setUserPassword, verifyLogin } from '~/models/user.server'
import { getSessionId, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { newPasswordField, passwordField } from '~/utils/schemas'
import { FieldError } from '~/components/field-error'

export const meta: MetaFunction = () => [{ title: 'Change password · Claimdesk' }]

export const PasswordSchema = z
  .object({
    current: passwordField,
    password: newPasswordField,
    confirm: z.string({ error: 'Repeat the new password' }),
  })
  .refine((v) => v.password === v.confirm, {
    message: 'The two new passwords differ',
    path: ['confirm'],
  })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

/** Changing the password ends every other session of the account. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await readFormData(request, 16 * 1024), {
    schema: PasswordSchema,
  })
  if (submission.status !== 'success')
    return data(
      {
        result: submission.reply({
          hideFields: ['current', 'password', 'confirm'],
        }),
      },
      { status: 400 },
    )
  const ok = await verifyLogin({
    email: user.email,
    password: submission.value.current,
  })
  if (!ok) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { current: ['That is not your current password'] },
          hideFields: ['current', 'password', 'confirm'],
        }),
      },
      { status: 400 },
    )
  }
  await setUserPassword({ id: user.id, password: submission.value.password })
  deleteUserSessions({
    userId: user.id,
    exceptSessionId: (await getSessionId(request)) ?? undefined,
  })
  return redirectWithFlash('/settings/password', 'Password changed. You were signed out everywhere else.')
}

export default function PasswordPage() {
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'change-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(PasswordSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
  })
  return (
    <div className="page-narrow" style={{ marginTop: '1rem' }}>
      <h1>Change password</h1>
      <Form method="post" {...getFormProps(form)} className="card">
        <div className="field">
          <label htmlFor={fields.current.id}>Current password</label>
          <input {...getInputProps(fields.current, { type: 'password' })} autoComplete="current-password" />
          <FieldError field={fields.current} />
        </div>
        <div className="field">
          <label htmlFor={fields.password.id}>New password</label>
          <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="new-password" />
          <FieldError field={fields.password} />
        </div>
        <div className="field">
          <label htmlFor={fields.confirm.id}>Repeat the new password</label>
          <input {...getInputProps(fields.confirm, { type: 'password' })} autoComplete="new-password" />
          <FieldError field={fields.confirm} />
        </div>
        <button type="submit">Change password</button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
