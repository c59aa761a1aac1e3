"""Commands run outside the build: make build, check, contributing, linkcheck, screenshots."""
