import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import appStyles from './styles/app.css?url'
import { countUnreadInbox } from './models/inbox.server'
import { getUser, hasRole } from './utils/auth.server'
import { readFlash } from './utils/flash.server'
import { GeneralErrorBoundary } from './components/error-boundary'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Claimdesk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const flash = await readFlash(request)
  return data(
    {
      user: user
        ? { ...user, isAdmin: hasRole(user, 'admin'), isEditor: hasRole(user, 'editor'), unread: countUnreadInbox({ userId: user.id }) }
        : null,
      flash: flash.message ? { message: flash.message, kind: flash.kind } : null,
    },
    { headers: flash.headers },
  )
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>('root')?.user ?? null
}

function AppHeader() {
  const user = useOptionalUser()
  return (
    <header className="app-header">
      <div className="inner">
        <a className="brand" href="/">
          Claimdesk
        </a>
        {user ? (
          <>
            <nav className="nav" aria-label="Main">
              <NavLink to="/articles" end>
                Articles
              </NavLink>
              <NavLink to="/inbox" aria-label={user.unread ? `Inbox, ${user.unread} unread` : 'Inbox'}>
                Inbox
                {user.unread ? (
                  <span className="badge unread-count" aria-hidden="true">
                    {user.unread}
                  </span>
                ) : null}
              </NavLink>
              <NavLink to="/claims">Claims</NavLink>
              <NavLink to="/sources">Sources</NavLink>
              <NavLink to="/dashboard">Dashboard</NavLink>
              <NavLink to="/corrections">Corrections</NavLink>
              <NavLink to="/articles/new">Import</NavLink>
              {user.isEditor ? <NavLink to="/exports">Exports</NavLink> : null}
              {user.isAdmin ? <NavLink to="/admin/users">Users</NavLink> : null}
            </nav>
            <div className="user-menu">
              <span>
                {user.name} <span className="badge role">{user.role}</span>
              </span>
              <NavLink to="/settings/tokens" className="user-link">
                API tokens
              </NavLink>
              <NavLink to="/settings/password" className="user-link">
                Password
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit">Log out</button>
              </Form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

export default function App() {
  const flash = useRouteLoaderData<typeof loader>('root')?.flash
  return (
    <>
      <AppHeader />
      <main id="main">
        {flash?.kind === 'error' ? (
          <div className="alert" role="alert">
            {flash.message}
          </div>
        ) : flash ? (
          <div className="flash" role="status">
            {flash.message}
          </div>
        ) : null}
        <Outlet />
      </main>
    </>
  )
}

export function ErrorBoundary() {
  return (
    <>
      <AppHeader />
      <main id="main">
        <GeneralErrorBoundary />
      </main>
    </>
  )
}
