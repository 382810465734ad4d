-- For every B-tree index FerretDB creates on a document field, a GIN index on the same
-- expression, which can answer FerretDB's `_jsonb->'f' @> value` filters. Bench only: it stands for a
-- database whose lookups use an index (docs/decisions/0004-gin-bench.md).
CREATE OR REPLACE FUNCTION loket_bench_gin() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
  k int;
  expr text;
  tbl regclass;
BEGIN
  FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' LOOP
    CONTINUE WHEN (SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.oid = cmd.objid) <> 'btree';
    SELECT indrelid::regclass INTO tbl FROM pg_index WHERE indexrelid = cmd.objid;
    FOR k IN 1..(SELECT indnkeyatts FROM pg_index WHERE indexrelid = cmd.objid) LOOP
      expr := pg_get_indexdef(cmd.objid, k, true);
      CONTINUE WHEN expr !~ '^\(?_jsonb -> ''[A-Za-z0-9_]+''::text\)?$';
      CONTINUE WHEN EXISTS (
        SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
        WHERE i.indrelid = tbl AND am.amname = 'gin' AND pg_get_indexdef(i.indexrelid, 1, true) = expr);
      EXECUTE format('CREATE INDEX ON %s USING gin ((%s) jsonb_path_ops)', tbl, expr);
    END LOOP;
  END LOOP;
END $$;
CREATE EVENT TRIGGER loket_bench_gin ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION loket_bench_gin();
