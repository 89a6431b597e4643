// The newest modification time under a file or folder (0 if it is missing): how `npm start` and
// the extract command's launcher tell whether a build is older than its sources.
import fs from 'node:fs'
import path from 'node:path'

export function newestMtime(entry) {
  let stat
  try {
    stat = fs.statSync(entry)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)))
  return newest
}
