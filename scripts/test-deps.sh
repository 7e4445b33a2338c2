#!/usr/bin/env bash
# Installs the Debian packages the tests need: PyTorch (python3-torch, for
# /usr/bin/python3) computes the reference forward pass of the LLM engine,
# and chromium runs the browser tests of the web pages (driven by npm's
# playwright-core, never a downloaded browser). npm packages are installed
# by the tests themselves from committed lock files.
set -euo pipefail

missing=()
/usr/bin/python3 -c 'import torch' 2>/dev/null || missing+=(python3-torch)
command -v chromium >/dev/null || missing+=(chromium)
if ((${#missing[@]} == 0)); then
	exit 0
fi

as_root=()
if [[ "$(id -u)" != 0 ]]; then
	as_root=(sudo)
fi
echo "installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
