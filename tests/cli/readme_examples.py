#!/usr/bin/python3
"""readme_examples.py TASKSEXT README - runs every `$ tasksext ...` line of
the README's ```console blocks from the source root and compares its stdout
with the lines shown under it, so the command's documentation cannot drift."""
import os
import re
import shlex
import subprocess
import sys

program, readme = os.path.abspath(sys.argv[1]), sys.argv[2]
source = os.path.dirname(os.path.abspath(readme))
text = open(readme, encoding="utf-8").read()
failures = checked = 0
for block in re.findall(r"```console\n(.*?)```", text, re.S):
    examples = re.split(r"^\$ ", block, flags=re.M)[1:]
    for example in examples:
        command, _, expected = example.partition("\n")
        args = shlex.split(command)
        if args[0] != "tasksext":
            continue
        run = subprocess.run([program] + args[1:], cwd=source, capture_output=True, text=True)
        checked += 1
        if run.stdout != expected:
            failures += 1
            print(f"FAIL $ {command}\n--- README\n{expected}--- got\n{run.stdout}{run.stderr}",
                  file=sys.stderr)
print(f"README: {checked} tasksext examples, {failures} differ")
sys.exit(1 if failures or not checked else 0)
