package types

import (
	"crypto/sha256"
)

// Size limits. Lengths are in bytes of UTF-8 unless said otherwise. They bound
// what one Datanet or contribution adds to state, whatever the fees.
const (
	// MaxNameLength fits a title on one line of a listing.
	MaxNameLength = 64
	// MaxSummaryLength is the classic short-post length: one sentence or two.
	MaxSummaryLength = 280
	// MaxDescriptionLength is 16 KiB = 16 * 1024 = 16,384 bytes: a README
	// page of markdown. Longer documentation belongs off chain, linked from it.
	MaxDescriptionLength = 16 * 1024
	// MaxTags and MaxTagLength bound the tag index: at most 10 * 32 = 320
	// bytes of tags and 10 index entries per Datanet.
	MaxTags      = 10
	MaxTagLength = 32
	// MaxLicenseLength fits any SPDX identifier and short expressions such as
	// "(MIT OR Apache-2.0) AND CC-BY-4.0".
	MaxLicenseLength = 64
	// MaxCurators bounds the curator set so that the membership check in a
	// review stays cheap: 20 addresses of at most ~64 bytes = ~1.3 KB.
	MaxCurators = 20

	// ContentHashLength is the size of a SHA-256 digest.
	ContentHashLength = sha256.Size
	// MaxMediaTypeLength is RFC 6838's 127 bytes for the type, 1 for "/" and
	// 127 for the subtype; parameters must fit in the same 255.
	MaxMediaTypeLength = 127 + 1 + 127
	// MaxURILength is 2,048 bytes, the de-facto limit of browsers and HTTP
	// servers; content addresses (ipfs://, ar://) are far shorter.
	MaxURILength = 2048
	// MaxReasonLength lets a reviewer explain a decision in a sentence or two.
	MaxReasonLength = 280
	// MaxReviewBatch bounds the work of one review: each decision reads and
	// writes a contribution, and each acceptance adds at most 2 * 32 hashes to
	// the Merkle frontier, so 100 decisions stay well inside a block.
	MaxReviewBatch = 100

	// MaxInlineBytesCeiling caps the max_inline_bytes param at 64 KiB =
	// 65,536 bytes: inline content travels in a transaction and lives in
	// state for good, so governance cannot turn the chain into a file store.
	MaxInlineBytesCeiling = 64 * 1024
)

// DuplicateContentReason is the reason recorded when a review accepts
// content that the Datanet had already accepted from another contribution.
const DuplicateContentReason = "duplicate content"

// ArchivedReason is the reason recorded on pending contributions closed by
// archiving their Datanet.
const ArchivedReason = "datanet archived"
