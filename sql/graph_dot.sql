-- graph_dot.sql - the dependency graph as Graphviz DOT: of the spec named by
-- :spec, or of every spec (one cluster each) when :spec is NULL. An arrow runs
-- from a task to the task that waits for it. `dot -Tsvg` draws it.
--
--   nodes  done (green), ready (yellow), blocked (red), cancelled (grey, dashed)
--   edges  explicit (bold, labelled), step (double), sequence (solid),
--          subtask (dashed); one arrow per pair, the first kind that applies
--
--   .param set :root 'examples'
--   .param set :spec NULL
--   .mode list
--   .headers off
--   .read sql/graph_dot.sql
WITH t AS (
  SELECT spec, id, line, title, status, ready,
         '"' || replace(replace(spec || '/' || id, '\', '\\'), '"', '\"') || '"' AS node,
         CASE WHEN status = 'done' THEN 'fillcolor="#c8e6c9", color="#2e7d32"'
              WHEN status = 'cancelled' THEN 'fillcolor="#eeeeee", color="#9e9e9e", style="rounded,filled,dashed"'
              WHEN ready THEN 'fillcolor="#fff59d", color="#f9a825"'
              ELSE 'fillcolor="#ffcdd2", color="#c62828"' END AS look
  FROM tasks(:root) WHERE id IS NOT NULL AND (:spec IS NULL OR spec = :spec)
),
e AS (
  SELECT spec, id, depends_on,
         min(CASE kind WHEN 'explicit' THEN 1 WHEN 'step' THEN 2 WHEN 'sequence' THEN 3 ELSE 4 END)
           AS strength
  FROM task_deps(:root) WHERE :spec IS NULL OR spec = :spec
  GROUP BY spec, id, depends_on
),
lines(part, spec, ord, text) AS (
  SELECT 0, '', 0, 'digraph tasks {'
  UNION ALL
  SELECT 0, '', 1, '  rankdir=TB; node [shape=box, style="rounded,filled", fontname="Helvetica"];'
  UNION ALL
  SELECT 1, spec, 0, '  subgraph "cluster_' || replace(replace(spec, '\', '\\'), '"', '\"') ||
         '" { label="' || replace(replace(spec, '\', '\\'), '"', '\"') || '";'
  FROM t GROUP BY spec
  UNION ALL
  SELECT 1, spec, line, '    ' || node || ' [label="' ||
         replace(replace(id, '\', '\\'), '"', '\"') || '\n' ||
         replace(replace(CASE WHEN length(title) > 40 THEN substr(title, 1, 39) || '…'
                              ELSE title END, '\', '\\'), '"', '\"') ||
         '", ' || look || '];'
  FROM t
  UNION ALL
  SELECT 1, spec, 1e18, '  }' FROM t GROUP BY spec
  UNION ALL
  SELECT 2, e.spec, b.line * 1e6 + a.line,
         '  ' || b.node || ' -> ' || a.node ||
         CASE e.strength WHEN 1 THEN ' [style=bold, label="explicit"];'
                         WHEN 2 THEN ' [color="black:black"];'
                         WHEN 3 THEN ';' ELSE ' [style=dashed];' END
  FROM e JOIN t a ON a.spec = e.spec AND a.id = e.id
         JOIN t b ON b.spec = e.spec AND b.id = e.depends_on
  UNION ALL
  SELECT 9, '', 0, '}'
)
SELECT text FROM lines ORDER BY part, spec, ord, text;
