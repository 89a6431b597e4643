import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { createApiToken, listApiTokens, revokeApiToken } from '~/models/api-token.server'
import { requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField } from '~/utils/schemas'

export const meta: MetaFunction = () => [{ title: 'API tokens · Claimdesk' }]

export const CreateTokenSchema = z.object({
  intent: z.literal('create'),
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(80, 'Name is too long'),
})
const RevokeTokenSchema = z.object({ intent: z.literal('revoke'), tokenId: idField })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { tokens: listApiTokens({ userId: user.id }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request, 16 * 1024)
  if (formData.get('intent') === 'revoke') {
    const parsed = RevokeTokenSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw new Response('tokenId: must be a token id', { status: 400 })
    if (!revokeApiToken({ id: parsed.data.tokenId, userId: user.id })) {
      throw new Response('That token does not exist or is already revoked.', { status: 404 })
    }
    return redirectWithFlash('/settings/tokens', 'Token revoked. Anything using it now gets 401.')
  }
  const submission = parseWithZod(formData, { schema: CreateTokenSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), token: null }, { status: 400 })
  const created = createApiToken({ userId: user.id, name: submission.value.name })
  return data({ result: submission.reply({ resetForm: true }), token: { name: created.name, value: created.token } })
}

export default function TokensPage() {
  const { tokens } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'create-token',
    lastResult: actionData?.result,
    constraint: getZodConstraint(CreateTokenSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTokenSchema }),
  })
  return (
    <>
      <h1>API tokens</h1>
      <p className="muted">
        A personal token lets a newsroom system use the REST API at <code>/api/v1</code> with your role. Send it as{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. See <a href="/api/v1/openapi.json">the OpenAPI document</a>.
      </p>
      {actionData?.token ? (
        <div className="flash" role="status">
          <p style={{ margin: 0 }}>
            New token <strong>{actionData.token.name}</strong> — copy it now, it is shown only once:
          </p>
          <p style={{ margin: '0.5rem 0 0' }}>
            <label htmlFor="new-token" className="skip-link">
              New token
            </label>
            <input id="new-token" type="text" readOnly value={actionData.token.value} onFocus={(e) => e.currentTarget.select()} />
          </p>
        </div>
      ) : null}
      <div className="grid-2">
        <div className="table-wrap" style={{ alignSelf: 'start' }}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">
                    No tokens yet.
                  </td>
                </tr>
              ) : null}
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{new Date(t.createdAt).toISOString().slice(0, 16).replace('T', ' ')}</td>
                  <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toISOString().slice(0, 16).replace('T', ' ') : '—'}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="badge inactive">revoked</span>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={t.id} />
                        <button type="submit" className="danger">
                          Revoke<span className="skip-link"> {t.name}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading" style={{ marginTop: 0 }}>
            Create a token
          </h2>
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor={fields.name.id}>Name</label>
            <input {...getInputProps(fields.name, { type: 'text' })} placeholder="e.g. CMS integration" />
            {fields.name.errors ? (
              <p className="field-error" id={fields.name.errorId}>
                {fields.name.errors.join(' ')}
              </p>
            ) : null}
          </div>
          <button type="submit">Create token</button>
        </Form>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
