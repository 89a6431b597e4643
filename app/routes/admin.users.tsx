import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ROLES } from '~/workflow'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { deleteUserSessions } from '~/models/session.server'
import { createUser, DuplicateEmailError, getUserById, listUsers, setUserActive, setUserRole } from '~/models/user.server'
import { requireUserWithRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { readFormData } from '~/utils/request.server'
import { idField, NewUserSchema, roleField } from '~/utils/schemas'
import { FieldError } from '~/components/field-error'

export const meta: MetaFunction = () => [{ title: 'Users · Claimdesk' }]

export const CreateUserSchema = NewUserSchema.extend({
  intent: z.literal('create'),
})
const ChangeRoleSchema = z.object({
  intent: z.literal('set-role'),
  userId: idField,
  role: roleField,
})
const SetActiveSchema = z.object({
  intent: z.literal('set-active'),
  userId: idField,
  active: z.enum(['true', 'false'], { error: 'Active must be true or false' }).transform((v) => v === 'true'),
})
const IntentSchema = z.object({
  intent: z.enum(['create', 'set-role', 'set-active'], {
    error: 'Unknown action',
  }),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUserWithRole(request, 'admin')
  return { users: listUsers(), meId: me.id }
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUserWithRole(request, 'admin')
  const formData = await readFormData(request, 64 * 1024)
  const intent = IntentSchema.safeParse({ intent: formData.get('intent') })
  if (!intent.success) throw new Response('Unknown action.', { status: 400 })

  if (intent.data.intent === 'create') {
    const submission = parseWithZod(formData, { schema: CreateUserSchema })
    if (submission.status !== 'success') {
      return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
    }
    try {
      const user = await createUser(submission.value)
      return redirectWithFlash('/admin/users', `Created ${user.email} (${user.role}).`)
    } catch (error) {
      if (error instanceof DuplicateEmailError) {
        return data(
          {
            result: submission.reply({
              fieldErrors: { email: ['A user with this email already exists'] },
              hideFields: ['password'],
            }),
          },
          { status: 409 },
        )
      }
      throw error
    }
  }

  const schema = intent.data.intent === 'set-role' ? ChangeRoleSchema : SetActiveSchema
  const parsed = schema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Response(`${issue?.path.join('.') || 'form'}: ${issue?.message ?? 'invalid'}`, { status: 400 })
  }
  const target = getUserById({ id: parsed.data.userId })
  if (!target) throw new Response('That user does not exist.', { status: 404 })
  if (target.id === me.id) {
    throw new Response('You cannot change your own role or deactivate yourself; ask another administrator.', {
      status: 409,
    })
  }
  if (parsed.data.intent === 'set-role') {
    setUserRole({ id: target.id, role: parsed.data.role })
    return redirectWithFlash('/admin/users', `${target.email} is now ${parsed.data.role}.`)
  }
  setUserActive({ id: target.id, active: parsed.data.active })
  if (!parsed.data.active) deleteUserSessions({ userId: target.id })
  return redirectWithFlash(
    '/admin/users',
    `${target.email} ${parsed.data.active ? 'reactivated' : 'deactivated; their sessions have ended and their API tokens are revoked'}.`,
  )
}

function CreateUserForm() {
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'create-user',
    lastResult: actionData?.result,
    constraint: getZodConstraint(CreateUserSchema),
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateUserSchema }),
    defaultValue: { role: 'reviewer' },
  })
  return (
    <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" style={{ marginTop: 0 }}>
        Add a user
      </h2>
      <input type="hidden" name="intent" value="create" />
      <div className="field">
        <label htmlFor={fields.email.id}>Email</label>
        <input {...getInputProps(fields.email, { type: 'email' })} autoComplete="off" />
        <FieldError field={fields.email} />
      </div>
      <div className="field">
        <label htmlFor={fields.name.id}>Name</label>
        <input {...getInputProps(fields.name, { type: 'text' })} />
        <FieldError field={fields.name} />
      </div>
      <div className="field">
        <label htmlFor={fields.role.id}>Role</label>
        <select {...getSelectProps(fields.role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <FieldError field={fields.role} />
      </div>
      <div className="field">
        <label htmlFor={fields.password.id}>Initial password</label>
        <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="new-password" />
        <p className="hint">At least 10 characters. Share it with the person privately.</p>
        <FieldError field={fields.password} />
      </div>
      <button type="submit">Add user</button>
    </Form>
  )
}

export default function AdminUsersPage() {
  const { users, meId } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Users</h1>
      <div className="grid-2">
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.name} {u.active ? null : <span className="badge inactive">deactivated</span>}
                  </td>
                  <td>{u.email}</td>
                  <td>
                    {u.id === meId ? (
                      <span className="badge role">{u.role}</span>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="set-role" />
                        <input type="hidden" name="userId" value={u.id} />
                        <label className="skip-link" htmlFor={`role-${u.id}`}>
                          Role of {u.email}
                        </label>
                        <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="secondary">
                          Change
                        </button>
                      </Form>
                    )}
                  </td>
                  <td>
                    {u.id === meId ? (
                      <span className="muted">you</span>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="set-active" />
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
                        <button type="submit" className={u.active ? 'danger' : 'secondary'}>
                          {u.active ? `Deactivate` : `Reactivate`}
                          <span className="skip-link"> {u.email}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CreateUserForm />
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
