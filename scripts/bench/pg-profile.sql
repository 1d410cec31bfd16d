-- Where PostgreSQL's time went in a load run (scripts/load.sh with HUB_PG_PROFILE=1). Statement times are wall
-- time inside the server: on a saturated machine they include waiting for a core and, for COPY, for the client.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
\echo == statements by total time: ms total | calls | ms a call | max ms | rows a call | pages a call | plans | ms planning a plan | statement
SELECT round(total_exec_time)::int, calls, round((total_exec_time / greatest(calls, 1))::numeric, 3), round(max_exec_time::numeric, 1),
       round(rows::numeric / greatest(calls, 1), 1), round((shared_blks_hit + shared_blks_read)::numeric / greatest(calls, 1), 1),
       plans, round((total_plan_time / greatest(plans, 1))::numeric, 3), left(regexp_replace(query, '\s+', ' ', 'g'), 140)
FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20;
\echo == tables: inserted | updated | of which HOT | deleted
SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del
FROM pg_stat_user_tables WHERE n_tup_ins + n_tup_upd > 0 ORDER BY n_tup_ins + n_tup_upd DESC LIMIT 12;
\echo == WAL: records | bytes | full-page images
SELECT wal_records, wal_bytes, wal_fpi FROM pg_stat_wal;
\echo == row sizes, a sample: table | rows | average bytes a row
SELECT 'dossiers', count(*), round(avg(pg_column_size(t.*))) FROM dossiers t TABLESAMPLE SYSTEM (5)
UNION ALL SELECT 'outbox_messages', count(*), round(avg(pg_column_size(t.*))) FROM outbox_messages t TABLESAMPLE SYSTEM (5)
UNION ALL SELECT 'dossier_events', count(*), round(avg(pg_column_size(t.*))) FROM dossier_events t TABLESAMPLE SYSTEM (5)
UNION ALL SELECT 'exchange_log', count(*), round(avg(pg_column_size(t.*))) FROM exchange_log t TABLESAMPLE SYSTEM (5)
UNION ALL SELECT 'idempotency_records', count(*), round(avg(pg_column_size(t.*))) FROM idempotency_records t TABLESAMPLE SYSTEM (5);
