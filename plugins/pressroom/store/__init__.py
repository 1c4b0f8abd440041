"""The storage layer of the ingest path: every statement fetch, extract, normalise and load run against the
warehouse is here; the stages themselves (`fetch/`, `extract`, `normalise`) stay pure.

- `raw`: page bodies (raw.snapshots) and every document request (raw.fetch_log), written per batch, and every
  discovery request (raw.discovery_log);
- `sources`: the configured sources (core.sources) and their health (mart.source_freshness);
- `core`: document versions, extraction failures, analyses and refused documents;
- `facts`: a batch of analyses validated (`validate`) and written to the fact tables;
- `work`: what each stage still has to do (selected by what is missing, never by what is new);
- `state`: back-fill cursors, the per-host schedule shared by workers, a run's bodies for WARC export.

Functions take a psycopg2 connection and do one transaction per call. Statements longer than a line live in
`sql/<module>_<name>.sql` next to these modules (`statements.sql`).
"""
