# Shortcuts for the README commands and the packaging scripts (docs/INSTALLER.md).
.PHONY: run test installer smoke bench

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

installer:
	bash scripts/build_installer.sh

smoke:
	bash scripts/smoke_bundle.sh

bench:
	@set -e; for f in benchmarks/bench_*.py; do \
		[ -e "$$f" ] || { echo "no benchmarks/bench_*.py"; break; }; \
		echo "== $$f"; .venv/bin/python "$$f"; \
	done
