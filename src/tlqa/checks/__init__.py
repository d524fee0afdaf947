"""Check families: one module per family. Each declares its rules with `tlqa.rules.rule`; the list of
modules the registry loads is `tlqa.rules.CHECK_MODULES`."""
