#!/usr/bin/python3
"""python_client.py MODULE - loads tasksext into Python's sqlite3 (as the
README shows) and checks what a Python user would query. Run it with
Debian's /usr/bin/python3: some other Python builds cannot load extensions."""
import sqlite3
import sys

module = sys.argv[1]
db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension(module)
db.enable_load_extension(False)

rows = db.execute("SELECT spec, count(*), sum(done) FROM tasks('examples') "
                  "GROUP BY spec ORDER BY spec").fetchall()
assert rows == [("001-user-auth", 10, 4), ("002-search", 7, 3), ("notifications", 7, 2)], rows
ready = db.execute("SELECT spec || '/' || id FROM tasks(?) WHERE ready ORDER BY 1",
                   ("examples",)).fetchall()
assert [r[0] for r in ready] == ["001-user-auth/T005", "002-search/T004", "002-search/T005",
                                 "notifications/2.2"], ready
try:
    db.execute("SELECT * FROM tasks('no/such/dir')").fetchall()
    raise AssertionError("a missing path must be an error")
except sqlite3.OperationalError as error:
    assert "no such file or directory 'no/such/dir'" in str(error), error
# A join left open pins its files in the parse cache; a new status rule
# (which clears the cache) must still reach the next query at once.
held = db.cursor()
held.execute("SELECT t.id FROM tasks('examples') t JOIN task_deps('examples') d USING (spec, id)")
assert held.fetchone() is not None
db.execute("SELECT tasksext_status('x', 'shipped')").fetchone()
statuses = db.execute("SELECT DISTINCT status FROM tasks('examples') WHERE mark = 'x'").fetchall()
assert statuses == [("shipped",)], statuses
held.close()
db.execute("SELECT tasksext_status_reset()").fetchone()
print("python client: 4 passed, 0 failed")
