#!/usr/bin/env bash
# Installs the Debian packages that tests compare the project against:
# PyTorch (python3-torch, for /usr/bin/python3) computes the reference forward
# pass of the LLM engine. npm packages are installed by the tests themselves
# from committed lock files.
set -euo pipefail

missing=()
/usr/bin/python3 -c 'import torch' 2>/dev/null || missing+=(python3-torch)
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
