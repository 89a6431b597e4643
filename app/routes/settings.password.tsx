import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { deleteUserSessions, FREE_ATTEMPTS, settleSuccessfulAttempt, takeLoginAttempt } from '~/models/session.server'
import { setUserPassword, verifyLogin } from '~/models/user.server'
import { getSessionId, requireUser, retryAfter } from '~/utils/auth.server'
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

/** A refused attempt's Retry-After reaches the answer, with or without JavaScript. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const wait = actionHeaders.get('Retry-After')
  return wait ? { 'Retry-After': wait } : new Headers()
}

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
  // The current password is guessed no more freely than at sign-in: counted before it is checked.
  const key = `password:${user.id}`
  const attempt = takeLoginAttempt({ keys: [{ key, free: FREE_ATTEMPTS }] })
  if (!attempt.ok) {
    const wait = retryAfter(attempt.waitMs)
    return data(
      { result: submission.reply({ formErrors: [wait.message], hideFields: ['current', 'password', 'confirm'] }) },
      { status: 429, headers: { 'Retry-After': String(wait.seconds) } },
    )
  }
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
  settleSuccessfulAttempt({ clear: [key], release: [] })
  await setUserPassword({ id: user.id, password: submission.value.password })
  deleteUserSessions({
    userId: user.id,
    exceptSessionId: (await getSessionId(request)) ?? undefined,
  })
  return redirectWithFlash('/settings/password', 'Password changed. You were signed out everywhere else, and your API tokens were revoked: create new ones under API tokens.')
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
        {form.errors?.length ? (
          <div className="alert" role="alert" id={form.errorId}>
            {form.errors.join(' ')}
          </div>
        ) : null}
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
