import { apiError } from '~/utils/api.server'

/** Unknown API paths answer JSON, not the HTML 404 page. */
export async function loader() {
  return apiError('not_found', 'No such API endpoint. See /api/v1/openapi.json.')
}

export async function action() {
  return apiError('not_found', 'No such API endpoint. See /api/v1/openapi.json.')
}
