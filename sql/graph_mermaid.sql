-- graph_mermaid.sql - the dependency graph as Mermaid `flowchart` text: of
-- the spec named by :spec, or of every spec (one subgraph each) when :spec
-- is NULL. An arrow runs from a task to the task that waits for it.
--
--   nodes  done (green), ready (yellow), blocked (red), cancelled (grey, dashed)
--   edges  explicit `-- explicit -->`, step `==>`, sequence `-->`, subtask `-.->`
--          (one arrow per pair: the first kind in that list that applies)
--
--   .param set :root 'examples'
--   .param set :spec '002-search'
--   .mode list
--   .headers off
--   .read sql/graph_mermaid.sql
WITH t AS (
  SELECT spec, id, line, title, status, ready,
         'n' || lower(hex(spec || char(31) || id)) AS node,
         CASE WHEN status = 'done' THEN 'done' WHEN status = 'cancelled' THEN 'cancelled'
              WHEN ready THEN 'ready' ELSE 'blocked' END AS class
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
  SELECT 0, '', 0, 'flowchart TD'
  UNION ALL
  SELECT 1, spec, 0, '  subgraph s' || lower(hex(spec)) || '["' || replace(spec, '"', '#quot;') || '"]'
  FROM t GROUP BY spec
  UNION ALL
  SELECT 1, spec, line, '    ' || node || '["' ||
         replace(replace(id || ': ' || CASE WHEN length(title) > 40 THEN substr(title, 1, 39) || '…'
                                            ELSE title END, '"', '#quot;'), '`', '')
         || '"]:::' || class
  FROM t
  UNION ALL
  SELECT 1, spec, 1e18, '  end' FROM t GROUP BY spec
  UNION ALL
  SELECT 2, e.spec, b.line * 1e6 + a.line,
         '  ' || b.node || CASE e.strength WHEN 1 THEN ' -- explicit --> ' WHEN 2 THEN ' ==> '
                                           WHEN 3 THEN ' --> ' ELSE ' -.-> ' END || a.node
  FROM e JOIN t a ON a.spec = e.spec AND a.id = e.id
         JOIN t b ON b.spec = e.spec AND b.id = e.depends_on
  UNION ALL
  SELECT 3, '', 1, '  classDef done fill:#c8e6c9,stroke:#2e7d32'
  UNION ALL
  SELECT 3, '', 2, '  classDef ready fill:#fff59d,stroke:#f9a825'
  UNION ALL
  SELECT 3, '', 3, '  classDef blocked fill:#ffcdd2,stroke:#c62828'
  UNION ALL
  SELECT 3, '', 4, '  classDef cancelled fill:#eeeeee,stroke:#9e9e9e,stroke-dasharray: 4 4'
)
SELECT text FROM lines ORDER BY part, spec, ord, text;
