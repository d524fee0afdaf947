"""`tlqa audit`: the rules of `tlqa check` run over a whole archive, with results kept in a database.

    discovery ─► ArticleSpec (article, source, reference, published, desk, translator)
        │  read + hash in the main process; unchanged articles are skipped (content hash + tlqa version
        │  + a hash of the effective configuration)
        ▼
    runner (in process, a process pool, or Dask) ─► worker.check_chunk: one Engine per configuration
        │  per worker, the same engine and findings as `tlqa check`
        ▼
    store (SQLite: one row per article and per finding, one transaction per article)
        ▼
    summary, exports (json/jsonl/csv), HTML report, cross-article names — all read from the store

Modules: `discovery`, `worker`, `runner`, `store`, `core` (the audit itself), `summary`, `names`,
`export`, `html`, `command` (what the CLI calls). Nothing here re-implements a check.
"""

from __future__ import annotations
