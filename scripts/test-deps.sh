#!/usr/bin/env bash
# Installs the Debian packages the tests need: PyTorch (python3-torch, for
# /usr/bin/python3) computes the reference forward pass of the LLM engine,
# and chromium runs the browser tests of the web pages (driven by npm's
# playwright-core, never a downloaded browser). npm packages are installed
# by the tests themselves from committed lock files.
#
# `scripts/test-deps.sh poa-texts` installs instead the public-domain texts
# of the PoA engine's full real-paraphrase evaluation (make
# eval-poa-paraphrase): the King James Bible (bible-kjv-text, read by
# bible-kjv) and the World English Bible (sword-text-web, read by diatheke).
set -euo pipefail

missing=()
if [[ "${1:-}" == poa-texts ]]; then
	command -v bible >/dev/null || missing+=(bible-kjv bible-kjv-text)
	command -v diatheke >/dev/null || missing+=(diatheke)
	[[ -d /usr/share/sword/modules/texts/ztext/engWEB2015eb ]] || missing+=(sword-text-web)
else
	/usr/bin/python3 -c 'import torch' 2>/dev/null || missing+=(python3-torch)
	command -v chromium >/dev/null || missing+=(chromium)
fi
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
