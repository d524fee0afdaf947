"""Check families: one module per family, each declaring its rules with `tlqa.rules.rule`. The registry
loads every module of this package whose name does not start with '_' (see `tlqa.rules.check_modules`);
shared helpers of several families go in `_`-prefixed modules."""
