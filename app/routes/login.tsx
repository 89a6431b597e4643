import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { verifyLogin } from '~/models/user.server'
import { settleSuccessfulAttempt, takeLoginAttempt } from '~/models/session.server'
import { clientAddressOf, getUser, loginAttemptKeys, retryAfter, startSession } from '~/utils/auth.server'
import { readFormData } from '~/utils/request.server'
import { LoginSchema, safeRedirect } from '~/utils/schemas'

export const meta: MetaFunction = () => [{ title: 'Sign in · Claimdesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')))
  return null
}

/** A refused attempt's Retry-After reaches the answer, with or without JavaScript. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const wait = actionHeaders.get('Retry-After')
  return wait ? { 'Retry-After': wait } : new Headers()
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request, 64 * 1024)
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const keys = loginAttemptKeys(email, clientAddressOf(context))
  // Counted before the password is checked, so parallel guesses cannot all pass the limit.
  const attempt = takeLoginAttempt({ keys })
  if (!attempt.ok) {
    const wait = retryAfter(attempt.waitMs)
    return data(
      { result: submission.reply({ formErrors: [wait.message], hideFields: ['password'] }) },
      { status: 429, headers: { 'Retry-After': String(wait.seconds) } },
    )
  }
  const user = await verifyLogin({ email, password })
  if (!user) {
    return data(
      { result: submission.reply({ formErrors: ['Email or password is incorrect.'], hideFields: ['password'] }) },
      { status: 400 },
    )
  }
  const [account, ...others] = keys.map((k) => k.key)
  settleSuccessfulAttempt({ clear: [account!], release: others })
  return startSession(request, user.id, safeRedirect(redirectTo))
}

export default function LoginPage() {
  const [searchParams] = useSearchParams()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  })
  return (
    <div className="page-narrow">
      <div className="card">
        <h1>Sign in to Claimdesk</h1>
        <Form method="post" {...getFormProps(form)}>
          {form.errors?.length ? (
            <div className="alert" role="alert" id={form.errorId}>
              {form.errors.join(' ')}
            </div>
          ) : null}
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <div className="field">
            <label htmlFor={fields.email.id}>Email</label>
            <input {...getInputProps(fields.email, { type: 'email' })} autoComplete="email" autoFocus />
            {fields.email.errors ? (
              <p className="field-error" id={fields.email.errorId}>
                {fields.email.errors.join(' ')}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={fields.password.id}>Password</label>
            <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="current-password" />
            {fields.password.errors ? (
              <p className="field-error" id={fields.password.errorId}>
                {fields.password.errors.join(' ')}
              </p>
            ) : null}
          </div>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Signing in…' : 'Sign in'}
          </button>
        </Form>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
