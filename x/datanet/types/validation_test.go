package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/x/datanet/types"
)

func TestValidateMediaType(t *testing.T) {
	for _, ok := range []string{
		"text/plain", "application/json", "application/x-ndjson", "text/plain; charset=utf-8",
		"image/svg+xml", "application/vnd.openledger.row+json", "audio/L16;rate=16000",
	} {
		require.NoError(t, types.ValidateMediaType(ok), ok)
	}
	for _, bad := range []string{
		"", "text", "/plain", "text/", "text/pl ain", "-text/plain", "text/plain; \x01", "tëxt/plain",
		"text/" + strings.Repeat("p", 127) + "x",
	} {
		require.ErrorIs(t, types.ValidateMediaType(bad), types.ErrInvalidMediaType, bad)
	}
}

func TestValidateURI(t *testing.T) {
	for _, ok := range []string{
		"ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "ar://abc", "https://example.org/a?b=c#d",
		"s3://bucket/key", "urn:sha256:abcdef",
	} {
		require.NoError(t, types.ValidateURI(ok), ok)
	}
	for _, bad := range []string{"", "no-scheme", "/path/only", "https://exa mple.org", "https://example.org/\u00e9", "http://[::1", "://x"} {
		require.ErrorIs(t, types.ValidateURI(bad), types.ErrInvalidURI, bad)
	}
}

func TestValidateLicense(t *testing.T) {
	for _, ok := range []string{"MIT", "Apache-2.0", "CC-BY-4.0", "GPL-2.0+", "MIT OR Apache-2.0", "(MIT AND CC0-1.0)", "LicenseRef-acme:data", "NOASSERTION"} {
		require.NoError(t, types.ValidateLicense(ok), ok)
	}
	for _, bad := range []string{"", " MIT", "MIT ", "MIT  OR BSD", "MIT/BSD", "MIT,BSD", strings.Repeat("A", 65)} {
		require.ErrorIs(t, types.ValidateLicense(bad), types.ErrInvalidLicense, bad)
	}
}

func TestValidateContent(t *testing.T) {
	data := []byte("hello")
	hash := []byte{
		0x2c, 0xf2, 0x4d, 0xba, 0x5f, 0xb0, 0xa3, 0x0e, 0x26, 0xe8, 0x3b, 0x2a, 0xc5, 0xb9, 0xe2, 0x9e,
		0x1b, 0x16, 0x1e, 0x5c, 0x1f, 0xa7, 0x42, 0x5e, 0x73, 0x04, 0x33, 0x62, 0x93, 0x8b, 0x98, 0x24,
	} // sha256("hello")
	require.NoError(t, types.ValidateContent(hash, 5, "text/plain", data, "", 5))
	require.ErrorIs(t, types.ValidateContent(hash, 5, "text/plain", data, "", 4), types.ErrInlineTooLarge)
	require.ErrorIs(t, types.ValidateContent(hash, 5, "text/plain", []byte("hellO"), "", 5), types.ErrContentHashMismatch)
	require.ErrorIs(t, types.ValidateContent(hash, 6, "text/plain", data, "", 5), types.ErrInvalidSize)
	require.NoError(t, types.ValidateContent(hash, 1<<40, "video/mp4", nil, "ipfs://x", 0))
}

func TestValidateTagsAndText(t *testing.T) {
	require.NoError(t, types.ValidateTags([]string{"a", "0", "a-b", strings.Repeat("z", 32)}))
	require.ErrorIs(t, types.ValidateTags([]string{"a_b"}), types.ErrInvalidTags)
	require.ErrorIs(t, types.ValidateTags([]string{"ä"}), types.ErrInvalidTags)
	require.NoError(t, types.ValidateName("Données médicales ✓"))
	require.NoError(t, types.ValidateDescription("# Title\r\n\n\t- item\n"))
	require.ErrorIs(t, types.ValidateDescription("\x1b[31mred"), types.ErrInvalidDescription)
	require.NoError(t, types.ValidateReason(""))
}
