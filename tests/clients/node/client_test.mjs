// client_test.mjs MODULE - loads tasksext into better-sqlite3 (as the README
// shows) and checks what a Node user would query.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';

const modulePath = process.env.TASKSEXT_MODULE;

test('tasks() and task_specs() from better-sqlite3', () => {
  const db = new Database(':memory:');
  db.loadExtension(modulePath);
  const rows = db.prepare(
    "SELECT spec, count(*) AS tasks, sum(done) AS done FROM tasks('examples') GROUP BY spec ORDER BY spec"
  ).all();
  assert.deepEqual(rows, [
    { spec: '001-user-auth', tasks: 10, done: 4 },
    { spec: '002-search', tasks: 7, done: 3 },
    { spec: 'notifications', tasks: 7, done: 2 },
  ]);
  const ready = db.prepare("SELECT spec, id FROM tasks(?) WHERE ready ORDER BY spec, id")
    .all('examples').map((r) => `${r.spec}/${r.id}`);
  assert.deepEqual(ready, ['001-user-auth/T005', '002-search/T004', '002-search/T005',
    'notifications/2.2']);
  assert.throws(() => db.prepare("SELECT * FROM tasks('no/such/dir')").all(),
    /no such file or directory 'no\/such\/dir'/);
  db.close();
});
