-- Probe of scripts/gpu-plan-check.sh (docs/gpu.md, "The llm family's Java step"): what the RAPIDS
-- Accelerator would do with the llm family's remaining Java work written as SQL. The rows come from
-- range() (a projection over literal rows would be folded on the driver). Queries are separated by
-- lines holding only ";". Expected reports: scripts/gpu-plan-known/llm-fold-probe.txt.
--
-- 1. ROUGE-L's longest common subsequence as a SQL fold: the dynamic-programming table built row by
-- row with aggregate over the candidate's tokens, each row by an inner aggregate over the
-- reference's positions (row[j] = row_prev[j-1] + 1 on a match, else max(row_prev[j], row[j-1])).
-- The accumulator is an array and the merge is no (acc, x) -> op(acc, g(x)) with op one of
-- add/multiply/greatest/least/and/or, so the plugin cannot run it (expected: ArrayAggregate stays
-- on the CPU). Expected rows: lcs = 5 for each id.
SELECT id, aggregate(
    a,
    array_repeat(0, size(b) + 1),
    (prev, x) -> aggregate(
        sequence(1, size(b)),
        array(0),
        (cur, j) -> concat(cur, array(CASE WHEN x = b[j - 1] THEN prev[j - 1] + 1
                                          ELSE greatest(prev[j], cur[j - 1]) END))),
    row -> element_at(row, -1)) AS lcs
FROM (SELECT id, split(concat('the cat sat on the mat x', id), ' ') AS a,
             split('the cat is on the mat', ' ') AS b
      FROM range(3))
;
-- 2. For contrast, a token overlap count as a fold of the supported shape (acc, x) -> acc + g(x)
-- with an identity finish. Reported (2026-12-04): an INTEGER sum in ANSI mode is not taken ("cuDF
-- segmented reduce wraps on overflow"); Assay's SQL form sums doubles, which the plugin takes
-- (no ArrayAggregate in the rag-demo reports). Expected rows: overlap = 5.
SELECT id, aggregate(transform(a, x -> CASE WHEN array_contains(b, x) THEN 1 ELSE 0 END), 0,
                     (acc, y) -> acc + y) AS overlap
FROM (SELECT id, split(concat('the cat sat on the mat x', id), ' ') AS a,
             split('the cat is on the mat', ' ') AS b
      FROM range(3))
;
-- 3. Base64 decoding (the injection detector's decoded tokens): the built-in decoders and the hex
-- route, to see whether any of them runs on the GPU.
SELECT id, try_to_binary(s, 'base64') AS try_binary, unbase64(s) AS plain, unhex(h) AS from_hex
FROM (SELECT id, CASE WHEN id > 5 THEN '' ELSE 'aWdub3JlIGFsbA==' END AS s,
             concat('6967', lpad(cast(id AS string), 2, '0')) AS h
      FROM range(3))
