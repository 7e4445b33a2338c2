package cli

// ParseIDs and DecodeHash expose parseIDs and decodeHash to the tests.
var (
	ParseIDs   = parseIDs
	DecodeHash = decodeHash
)
