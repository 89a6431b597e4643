import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { endSession } from '~/utils/auth.server'

export async function action({ request }: ActionFunctionArgs) {
  return endSession(request)
}

export async function loader(_: LoaderFunctionArgs) {
  return redirect('/')
}
