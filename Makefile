# Shortcuts for the README commands and the packaging scripts (docs/INSTALLER.md).
.PHONY: run test screenshots installer smoke bench bench-scale

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

# Refresh docs/screenshots/ on purpose: the GUI tests write their pictures there too
# (otherwise only into test-artifacts/; a test run never changes tracked files).
screenshots:
	FACILITATOR_SCREENSHOTS_DIR=docs/screenshots QT_QPA_PLATFORM=offscreen \
		.venv/bin/python -m pytest -q tests/gui

installer:
	bash scripts/build_installer.sh

smoke:
	bash scripts/smoke_bundle.sh

bench:
	QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py --write-doc

bench-scale:
	QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py --scale --write-doc
