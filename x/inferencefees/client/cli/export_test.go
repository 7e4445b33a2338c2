package cli

// ParseExpiry exposes parseExpiry to the tests.
var ParseExpiry = parseExpiry
