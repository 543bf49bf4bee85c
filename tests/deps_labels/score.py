#!/usr/bin/python3
"""score.py MODULE CORPUS [--verbose] [--no-fail] [--floor NAME=VALUE ...] - scores the dependency
reader (task_deps(), task_issues()) against the hand-labelled statements in
tests/deps_labels/*/*.tsv (format: README.md beside this file), each label file
naming a real file of CORPUS (../shared/corpus/real) read in place.

Figures (the targets of issue 13 in brackets):
  lines read right      every edge a line gives is supported by the labels,
                        every relation it states is present directly or through
                        other edges, and a `none` line gives neither edges nor
                        warning/error rows                           [>= 95%]
  edge precision        explicit edges supported by the labels       [>= 98%]
  reversed edges        explicit edges the labels say run the other way  [0]
  edge recall           labelled task pairs present, directly or not [>= 95%]
  phase statements      `step:`/`story:` relations honoured: the waiting
                        group's first task waits, directly or not, for every
                        task of the other group                      [>= 95%]
  false cycles          `cycle` rows (the labels state no cycle)         [0]
  noise rows            warning/error rows on lines labelled `none`      [0]

"Supported" means the pair is in the transitive closure of the file's
labelled relations. In files whose tasks are headings (`### ENV-01: ...`,
`### Task 1.2: ...`) with checkboxes under them, a label that names such a
heading's id means the checkbox tasks under that heading. Relations naming an id that tasks() does not show are
counted apart (unresolvable), not scored. Exits 1 when a figure falls below
its floor (--floor lines=0.93 sets one; by default the floors are the targets
above), unless --no-fail; exits 77 (skipped) when CORPUS is missing.
"""
import glob
import os
import re
import sqlite3
import sys

TARGETS = {
    "lines": 0.95,
    "precision": 0.98,
    "recall": 0.95,
    "phases": 0.95,
}
EXPLICIT_KINDS = ("explicit", "wave")
WARNING_SEVERITIES = ("warning", "error")


def load_labels(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                raise SystemExit(f"{path}:{number}: expected LINE VERDICT RELATIONS TEXT")
            rows.append((int(parts[0]), parts[1], parts[2], parts[3] if len(parts) > 3 else ""))
    return rows


class Document:
    """tasks(), task_deps() and task_issues() of one file."""

    def __init__(self, db, path):
        rows = db.execute(
            "SELECT id, step, story, line FROM tasks(?) ORDER BY line", (path,)).fetchall()
        self.headings = read_headings(path, [r[3] for r in rows])
        self.tasks = [r[:3] for r in rows]
        self.lines = [r[3] for r in rows]
        self.index, by_line = {}, {}
        for i, (task_id, _, _, line) in enumerate(rows):
            by_line[line] = i
            if task_id is not None and task_id not in self.index:
                self.index[task_id] = i
        # Edges by the tasks' lines: tasks without ids are tasks too.
        self.edges = [(by_line[a], by_line[b], kind, line) for a, b, kind, line in db.execute(
            "SELECT task_line, depends_on_line, kind, line FROM task_deps(?)", (path,))]
        columns = [r[1] for r in db.execute("SELECT * FROM pragma_table_info('task_issues')")]
        severity = "severity" if "severity" in columns else "'warning'"
        self.issues = db.execute(
            f"SELECT line, code, {severity}, message FROM task_issues(?)", (path,)).fetchall()
        self.after = {}  # task -> tasks it waits for, directly (every kind)
        for a, b, _, _ in self.edges:
            self.after.setdefault(a, set()).add(b)
        self._reach = {}

    def reaches(self, a, b):
        """a waits for b, directly or through other edges."""
        if a not in self._reach:
            seen, stack = set(), [a]
            while stack:
                for n in self.after.get(stack.pop(), ()):
                    if n not in seen:
                        seen.add(n)
                        stack.append(n)
            self._reach[a] = seen
        return b in self._reach[a]

    def step_tasks(self, number):
        out = []
        for i, (_, step, _) in enumerate(self.tasks):
            s = "" if step is None else str(step)
            if isinstance(step, float) and step.is_integer():
                s = str(int(step))
            if s == number or s.startswith(number + "."):
                out.append(i)
        return out

    def resolve(self, side):
        """The tasks a label side names, or None when an id is unknown."""
        out = []
        for ref in side.split(","):
            ref = ref.strip()
            if not ref:
                continue
            if ref.startswith("step:"):
                found = self.step_tasks(ref[5:])
                if not found:
                    return None
                out += found
            elif ref.startswith("story:"):
                found = [i for i, t in enumerate(self.tasks) if t[2] == ref[6:]]
                if not found:
                    return None
                out += found
            elif ".." in ref:
                first, last = ref.split("..", 1)
                if first not in self.index or last not in self.index:
                    return None
                lo, hi = sorted((self.index[first], self.index[last]))
                out += [i for i in range(lo, hi + 1) if self.tasks[i][0] is not None]
            elif ref in self.index:
                out.append(self.index[ref])
            elif ref in self.headings:
                out += self.headings[ref]
            else:
                return None
        return out


def read_headings(path, task_lines):
    """Heading id -> indexes of the tasks under it: `### ENV-01: Title`,
    `### Task 1.2: Title` (id `1.2`), `### task-012: Title`."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    heads = []
    for number, text in enumerate(lines, 1):
        m = re.match(r"^(#{1,6})\s+(?:\*\*)?(?:Task\s+)?([A-Za-z]*[-_]?[0-9][0-9A-Za-z.\-]*)[:)\s]", text)
        if m:
            heads.append((number, len(m.group(1)), m.group(2).rstrip(".")))
    all_heads = [(n, len(m.group(1))) for n, t in enumerate(lines, 1)
                 if (m := re.match(r"^(#{1,6})\s", t))]
    out = {}
    for number, level, hid in heads:
        end = min([n for n, l in all_heads if n > number and l <= level] + [len(lines) + 1])
        out.setdefault(hid, []).extend(i for i, line in enumerate(task_lines) if number < line < end)
    return out


def closure(pairs):
    after = {}
    for a, b in pairs:
        after.setdefault(a, set()).add(b)
    full = {}
    for a in after:
        seen, stack = set(), [a]
        while stack:
            for n in after.get(stack.pop(), ()):
                if n not in seen:
                    seen.add(n)
                    stack.append(n)
        full[a] = seen
    return full


class Score:
    def __init__(self):
        self.lines = self.lines_right = 0
        self.edges = self.edges_supported = self.reversed = 0
        self.pairs = self.pairs_present = 0
        self.phases = self.phases_honoured = 0
        self.cycles = self.noise = 0
        self.unresolvable = 0
        self.wrong = []

    def add(self, other):
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
        self.wrong += other.wrong


# The task_issues codes the dependency reader gives; the others (lints of
# boxes and of the files tasks name) say nothing of how prose was read.
READER_CODES = {"unknown-id", "cycle", "unparsed-dependency", "outside-reference",
                "backwards-range", "fan-out-limit", "done-before-dependency",
                "parallel-same-file"}


def score_file(db, corpus, labels, label_path):
    rel = os.path.relpath(label_path, labels)
    target = os.path.join(corpus, rel[: -len(".tsv")])
    doc = Document(db, target)
    labels = load_labels(label_path)
    s = Score()

    # Which label line each source line belongs to (a `cont` line joins the
    # statement above it).
    owner, relations = {}, {}
    current = None
    for line, verdict, rels, text in labels:
        if verdict == "cont" and current is not None:
            owner[line] = current
            continue
        current = line
        owner[line] = line
        relations[line] = (verdict, rels, text)

    labelled_pairs, per_line_pairs, phase_statements = [], {}, []
    for line, (verdict, rels, _) in relations.items():
        if verdict != "order":
            continue
        for rel_text in rels.split(";"):
            if "<-" not in rel_text:
                continue
            left, right = rel_text.split("<-", 1)
            waiting, first = doc.resolve(left), doc.resolve(right)
            if waiting is None or first is None:
                s.unresolvable += 1
                continue
            pairs = [(a, b) for a in waiting for b in first if a != b]
            labelled_pairs += pairs
            per_line_pairs.setdefault(line, []).append((rel_text, pairs, waiting, first))
            if "step:" in rel_text or "story:" in rel_text:
                phase_statements.append((line, rel_text, waiting, first))
    supported = closure(labelled_pairs)

    def is_supported(a, b):
        return b in supported.get(a, ())

    edges_by_line = {}
    for a, b, kind, line in doc.edges:
        if kind not in EXPLICIT_KINDS:
            continue
        task_id = doc.tasks[a][0] or f"line {doc.lines[a]}"
        depends_on = doc.tasks[b][0] or f"line {doc.lines[b]}"
        s.edges += 1
        ok = is_supported(a, b)
        s.edges_supported += ok
        if not ok and is_supported(b, a):
            s.reversed += 1
        edges_by_line.setdefault(owner.get(line, line), []).append((task_id, depends_on, ok))
    warnings_by_line = {}
    for line, code, severity, message in doc.issues:
        if code == "cycle":
            s.cycles += 1
        if code not in READER_CODES:
            continue  # about the boxes or the files, not about reading an order
        if severity in WARNING_SEVERITIES and line is not None:
            warnings_by_line.setdefault(owner.get(line, line), []).append((code, message))

    for line in sorted(set(edges_by_line) - set(relations)):
        bad = [f"{a} <- {b}" for a, b, ok in edges_by_line[line] if not ok]
        if bad:
            s.wrong.append(f"{rel}:{line} [not labelled] unsupported edges: {', '.join(bad[:6])}")
    for line, (verdict, rels, text) in sorted(relations.items()):
        s.lines += 1
        given = edges_by_line.get(line, [])
        warned = warnings_by_line.get(line, [])
        problems = [f"unsupported edge {a} <- {b}" for a, b, ok in given if not ok]
        if verdict == "none":
            problems += [f"edge {a} <- {b}" for a, b, ok in given if ok]
            problems += [f"{code}: {message}" for code, message in warned]
            s.noise += len(warned)
        elif verdict == "order":
            for rel_text, pairs, _, _ in per_line_pairs.get(line, []):
                missing = [p for p in pairs if not doc.reaches(*p)]
                s.pairs += len(pairs)
                s.pairs_present += len(pairs) - len(missing)
                if missing:
                    problems.append(f"missing {rel_text} ({len(missing)} of {len(pairs)} pairs)")
            problems += [f"{code}: {message}" for code, message in warned]
        if problems:
            s.wrong.append(f"{rel}:{line} [{verdict}] {text[:100]}\n      " +
                           "\n      ".join(problems[:4]))
        else:
            s.lines_right += 1

    for line, rel_text, waiting, first in phase_statements:
        s.phases += 1
        head = min(waiting)
        if all(doc.reaches(head, b) for b in first if b != head):
            s.phases_honoured += 1
    return s


def ratio(n, d):
    return n / d if d else 1.0


def main():
    argv = sys.argv[1:]
    floors = dict(TARGETS, reversed=0, cycles=0, noise=0)
    while "--floor" in argv:
        at = argv.index("--floor")
        name, value = argv[at + 1].split("=", 1)
        floors[name] = float(value)
        del argv[at:at + 2]
    here = os.path.dirname(os.path.abspath(__file__))
    labels = here
    if "--labels" in argv:
        at = argv.index("--labels")
        labels = argv[at + 1]
        del argv[at:at + 2]
    args = [a for a in argv if not a.startswith("--")]
    verbose = "--verbose" in argv
    no_fail = "--no-fail" in argv
    module, corpus = args[0], args[1]
    if not os.path.isdir(corpus):
        print(f"deps_labels: skipped: no real corpus at {corpus} "
              "(it is ../shared/corpus/real beside the checkout in CI)")
        return 77
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(module)
    db.enable_load_extension(False)
    total = Score()
    files = sorted(glob.glob(os.path.join(labels, "*", "*.tsv")))
    for path in files:
        total.add(score_file(db, corpus, labels, path))
    figures = {
        "lines": ratio(total.lines_right, total.lines),
        "precision": ratio(total.edges_supported, total.edges),
        "recall": ratio(total.pairs_present, total.pairs),
        "phases": ratio(total.phases_honoured, total.phases),
    }
    if verbose:
        for w in total.wrong:
            print("WRONG", w)
    print(f"deps_labels: {len(files)} files, {total.lines} statement lines")
    print(f"  lines read right   {total.lines_right}/{total.lines} = {figures['lines']:.1%}")
    print(f"  edge precision     {total.edges_supported}/{total.edges} = {figures['precision']:.1%}")
    print(f"  reversed edges     {total.reversed}")
    print(f"  edge recall        {total.pairs_present}/{total.pairs} = {figures['recall']:.1%}")
    print(f"  phase statements   {total.phases_honoured}/{total.phases} = {figures['phases']:.1%}")
    print(f"  false cycles       {total.cycles}")
    print(f"  noise rows         {total.noise}")
    print(f"  unresolvable       {total.unresolvable} relations name ids tasks() does not show")
    short = [k for k in TARGETS if figures[k] < TARGETS[k]]
    short += [k for k in ("reversed", "cycles", "noise") if getattr(total, k)]
    if short:
        print(f"  short of the issue's targets: {', '.join(short)}")
    missed = [k for k in TARGETS if figures[k] < floors[k]]
    missed += [k for k in ("reversed", "cycles", "noise") if getattr(total, k) > floors[k]]
    passed = 1 if not missed else 0
    print(f"{passed} passed, {1 - passed} failed" + (f": below the floor: {', '.join(missed)}"
                                                       if missed else ""))
    return 1 if missed and not no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
