#!/usr/bin/env python3
"""check_examples.py MODULE DOC.md [--update]

Runs every ```sql block of a markdown document that is followed by a ```text
block in the real sqlite3 shell (module loaded, `.headers on`, `.mode box`,
from the source root) and compares its output with the text block, so the
documentation's examples cannot drift. With --update, rewrites the text
blocks with what the shell printed. A statement that errors fails.
"""
import os
import re
import subprocess
import sys

BLOCK = re.compile(r"```sql\n((?:(?!```).)*?)```\n\n?```text\n((?:(?!```).)*?)```", re.S)


def run(module, sql, root):
    script = ".headers on\n.mode box\n" + sql
    done = subprocess.run(
        [os.environ.get("SQLITE3", "sqlite3"), "-batch", "-bail", "-cmd", ".load " + module, ":memory:"],
        input=script, capture_output=True, text=True, cwd=root)
    if done.returncode != 0 or done.stderr:
        raise RuntimeError("statement failed:\n%s\n%s" % (sql, done.stderr))
    return done.stdout


def main():
    module, doc = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv[3:]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    text = open(doc, encoding="utf-8").read()
    failures = 0
    count = 0

    def replace(match):
        nonlocal failures, count
        count += 1
        sql, expected = match.group(1), match.group(2)
        try:
            got = run(module, sql, root)
        except RuntimeError as error:
            print(error, file=sys.stderr)
            failures += 1
            return match.group(0)
        if got != expected and not update:
            failures += 1
            print("example %d differs:\n%s--- expected\n%s--- got\n%s" % (count, sql, expected, got),
                  file=sys.stderr)
        return "```sql\n%s```\n\n```text\n%s```" % (sql, got)

    new_text = BLOCK.sub(replace, text)
    if update and new_text != text:
        open(doc, "w", encoding="utf-8").write(new_text)
    print("%s: %d examples, %d passed, %d failed" % (os.path.basename(doc), count, count - failures, failures))
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
