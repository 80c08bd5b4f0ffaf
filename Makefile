# Shortcuts for the README commands and the packaging scripts (docs/INSTALLER.md).
.PHONY: run test installer smoke bench bench-scale

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

installer:
	bash scripts/build_installer.sh

smoke:
	bash scripts/smoke_bundle.sh

bench:
	QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py --write-doc

bench-scale:
	QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py --scale --write-doc
