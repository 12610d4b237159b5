-- The plain single-row insert of the intake benchmark, for pgbench; the table is the one
-- `scripts/bench store-intake` creates in servicewindow_bench_store:
--   pgbench -n -M prepared -c 1 -t 3000 -f bench/pgbench/plain.sql servicewindow_bench_store
insert into bench_plain (id, payload, created_at) values (gen_random_uuid(), '{"stage": "review"}'::jsonb, now());
