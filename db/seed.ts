import { countArticles, importArticle } from '../app/models/article.server'
import { countUsers, createUser, getUserByEmail } from '../app/models/user.server'
import { DEMO_PASSWORD, DEMO_USERS, SAMPLE_ARTICLE } from './demo-data'

/** Seeds the demo users and the sample article, but only into an empty database. */
export async function seedDemoData(): Promise<{ seeded: boolean }> {
  if (countUsers() > 0 || countArticles() > 0) return { seeded: false }
  for (const u of DEMO_USERS) {
    await createUser({ ...u, password: DEMO_PASSWORD })
  }
  const admin = getUserByEmail({ email: 'admin@example.com' })
  importArticle({ ...SAMPLE_ARTICLE, importedById: admin?.id ?? null })
  return { seeded: true }
}
