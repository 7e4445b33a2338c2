package types

import (
	"bytes"
	"crypto/sha256"
	"net/url"
	"slices"
	"strings"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Metadata is the editable description of a Datanet, as set by
// MsgCreateDatanet and MsgUpdateDatanet.
type Metadata struct {
	Name           string
	Summary        string
	Description    string
	Tags           []string
	License        string
	Visibility     Visibility
	CurationPolicy CurationPolicy
}

// Validate checks every field against the size limits and formats.
func (m Metadata) Validate() error {
	if err := ValidateName(m.Name); err != nil {
		return err
	}
	if err := ValidateSummary(m.Summary); err != nil {
		return err
	}
	if err := ValidateDescription(m.Description); err != nil {
		return err
	}
	if err := ValidateTags(m.Tags); err != nil {
		return err
	}
	if err := ValidateLicense(m.License); err != nil {
		return err
	}
	if err := ValidateVisibility(m.Visibility); err != nil {
		return err
	}
	return ValidateCurationPolicy(m.CurationPolicy)
}

// Apply copies the metadata onto a Datanet.
func (m Metadata) Apply(d *Datanet) {
	d.Name = m.Name
	d.Summary = m.Summary
	d.Description = m.Description
	d.Tags = append([]string(nil), m.Tags...)
	d.License = m.License
	d.Visibility = m.Visibility
	d.CurationPolicy = m.CurationPolicy
}

// MetadataOf returns the editable metadata of a Datanet.
func MetadataOf(d Datanet) Metadata {
	return Metadata{
		Name: d.Name, Summary: d.Summary, Description: d.Description, Tags: d.Tags,
		License: d.License, Visibility: d.Visibility, CurationPolicy: d.CurationPolicy,
	}
}

// ValidateName: 1 to MaxNameLength bytes of UTF-8 on one line, without
// leading or trailing space.
func ValidateName(name string) error {
	return modulekit.Text{Err: ErrInvalidName, Field: "name", Max: MaxNameLength, Required: true, Trimmed: true}.Check(name)
}

// ValidateSummary: at most MaxSummaryLength bytes of UTF-8 on one line.
func ValidateSummary(summary string) error {
	return modulekit.Text{Err: ErrInvalidSummary, Field: "summary", Max: MaxSummaryLength}.Check(summary)
}

// ValidateDescription: at most MaxDescriptionLength bytes of UTF-8; tabs and
// line breaks are the only control characters allowed.
func ValidateDescription(description string) error {
	return modulekit.Text{Err: ErrInvalidDescription, Field: "description", Max: MaxDescriptionLength, Allowed: "\n\r\t"}.Check(description)
}

// ValidateTag: 1 to MaxTagLength characters of [a-z0-9-].
func ValidateTag(tag string) error {
	if tag == "" || len(tag) > MaxTagLength {
		return errorsmod.Wrapf(ErrInvalidTags, "tag %q must be 1 to %d characters", tag, MaxTagLength)
	}
	for _, r := range tag {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return errorsmod.Wrapf(ErrInvalidTags, "tag %q: only a-z, 0-9 and '-' are allowed", tag)
		}
	}
	return nil
}

// ValidateTags: at most MaxTags valid tags, no duplicates.
func ValidateTags(tags []string) error {
	if len(tags) > MaxTags {
		return errorsmod.Wrapf(ErrInvalidTags, "%d tags, at most %d", len(tags), MaxTags)
	}
	for i, tag := range tags {
		if err := ValidateTag(tag); err != nil {
			return err
		}
		for _, earlier := range tags[:i] {
			if earlier == tag {
				return errorsmod.Wrapf(ErrInvalidTags, "duplicate tag %q", tag)
			}
		}
	}
	return nil
}

// ValidateLicense: an SPDX-style license expression of 1 to MaxLicenseLength
// characters: letters, digits and . - + : ( ) and single inner spaces, e.g.
// "MIT", "CC-BY-4.0", "MIT OR Apache-2.0", "LicenseRef-acme-data".
func ValidateLicense(license string) error {
	if license == "" || len(license) > MaxLicenseLength {
		return errorsmod.Wrapf(ErrInvalidLicense, "%q must be 1 to %d characters", license, MaxLicenseLength)
	}
	if strings.TrimSpace(license) != license || strings.Contains(license, "  ") {
		return errorsmod.Wrapf(ErrInvalidLicense, "%q has leading, trailing or repeated spaces", license)
	}
	for _, r := range license {
		ok := (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || strings.ContainsRune(".-+:() ", r)
		if !ok {
			return errorsmod.Wrapf(ErrInvalidLicense, "%q has character %q", license, r)
		}
	}
	return nil
}

// ValidateVisibility accepts public and private.
func ValidateVisibility(v Visibility) error {
	if v != VISIBILITY_PUBLIC && v != VISIBILITY_PRIVATE {
		return errorsmod.Wrapf(ErrInvalidVisibility, "%s", v)
	}
	return nil
}

// ValidateCurationPolicy accepts owner-reviews and curator-set-reviews.
func ValidateCurationPolicy(p CurationPolicy) error {
	if p != CURATION_POLICY_OWNER_REVIEWS && p != CURATION_POLICY_CURATOR_SET_REVIEWS {
		return errorsmod.Wrapf(ErrInvalidCurationPolicy, "%s", p)
	}
	return nil
}

// ValidateContentHash: exactly 32 bytes.
func ValidateContentHash(hash []byte) error {
	if len(hash) != ContentHashLength {
		return errorsmod.Wrapf(ErrInvalidContentHash, "%d bytes, want %d", len(hash), ContentHashLength)
	}
	return nil
}

// isRestrictedName is RFC 6838's restricted-name: an alphanumeric first
// character, then alphanumerics and ! # $ & - ^ _ . +, at most 127 in all.
func isRestrictedName(s string) bool {
	if s == "" || len(s) > 127 {
		return false
	}
	for i, r := range s {
		alnum := (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !alnum && (i == 0 || !strings.ContainsRune("!#$&-^_.+", r)) {
			return false
		}
	}
	return true
}

// ValidateMediaType: "type/subtype" per RFC 6838, optionally followed by
// ";" and parameters in printable ASCII, at most MaxMediaTypeLength bytes.
func ValidateMediaType(mediaType string) error {
	if len(mediaType) > MaxMediaTypeLength {
		return errorsmod.Wrapf(ErrInvalidMediaType, "%d bytes, at most %d", len(mediaType), MaxMediaTypeLength)
	}
	essence, params, _ := strings.Cut(mediaType, ";")
	typ, sub, ok := strings.Cut(essence, "/")
	if !ok || !isRestrictedName(typ) || !isRestrictedName(strings.TrimRight(sub, " ")) {
		return errorsmod.Wrapf(ErrInvalidMediaType, "%q is not type/subtype", mediaType)
	}
	for _, r := range params {
		if r < 0x20 || r > 0x7e {
			return errorsmod.Wrapf(ErrInvalidMediaType, "%q has a non-printable parameter character", mediaType)
		}
	}
	return nil
}

// ValidateURI: at most MaxURILength bytes of printable ASCII without spaces,
// with a scheme (ipfs://..., ar://..., https://...).
func ValidateURI(uri string) error {
	if uri == "" || len(uri) > MaxURILength {
		return errorsmod.Wrapf(ErrInvalidURI, "%d bytes, want 1 to %d", len(uri), MaxURILength)
	}
	for _, r := range uri {
		if r <= 0x20 || r > 0x7e {
			return errorsmod.Wrapf(ErrInvalidURI, "%q has a space or non-printable character", uri)
		}
	}
	u, err := url.Parse(uri)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidURI, "%q: %v", uri, err)
	}
	if u.Scheme == "" {
		return errorsmod.Wrapf(ErrInvalidURI, "%q has no scheme", uri)
	}
	return nil
}

// ValidateReason: at most MaxReasonLength bytes of UTF-8 on one line.
func ValidateReason(reason string) error {
	return modulekit.Text{Err: ErrInvalidReason, Field: "reason", Max: MaxReasonLength}.Check(reason)
}

// ParseAddress decodes an account address with the chain's address codec and
// returns it with its canonical string form, the one stored in state.
func ParseAddress(ac address.Codec, field, s string) (sdk.AccAddress, string, error) {
	return modulekit.ParseAddress(ac, ErrInvalidAddress, field, s)
}

// CanonicalCurators checks a curator set (at most MaxCurators valid addresses,
// no duplicates, not the owner) and returns it in canonical string form, in
// the given order. owner must already be canonical.
func CanonicalCurators(ac address.Codec, owner string, curators []string) ([]string, error) {
	if len(curators) > MaxCurators {
		return nil, errorsmod.Wrapf(ErrInvalidCurators, "%d curators, at most %d", len(curators), MaxCurators)
	}
	out := make([]string, 0, len(curators))
	for _, c := range curators {
		_, canonical, err := ParseAddress(ac, "curator", c)
		if err != nil {
			return nil, errorsmod.Wrapf(ErrInvalidCurators, "%v", err)
		}
		if canonical == owner {
			return nil, errorsmod.Wrapf(ErrInvalidCurators, "owner %s reviews by right and cannot be a curator", owner)
		}
		if slices.Contains(out, canonical) {
			return nil, errorsmod.Wrapf(ErrInvalidCurators, "duplicate curator %s", canonical)
		}
		out = append(out, canonical)
	}
	return out, nil
}

// ValidateContent checks a contribution's content fields: a 32-byte hash, a
// media type, and exactly one of inline data (at most maxInline bytes, whose
// length is size and whose SHA-256 is the hash) or a URI (with size > 0).
func ValidateContent(hash []byte, size uint64, mediaType string, inline []byte, uri string, maxInline uint64) error {
	if err := ValidateContentHash(hash); err != nil {
		return err
	}
	if err := ValidateMediaType(mediaType); err != nil {
		return err
	}
	if (len(inline) > 0) == (uri != "") {
		return errorsmod.Wrapf(ErrInvalidContentLocation, "inline data of %d bytes, uri %q", len(inline), uri)
	}
	if uri != "" {
		if size == 0 {
			return errorsmod.Wrap(ErrInvalidSize, "size 0: off-chain content must not be empty")
		}
		return ValidateURI(uri)
	}
	if uint64(len(inline)) > maxInline {
		return errorsmod.Wrapf(ErrInlineTooLarge, "%d bytes, at most %d", len(inline), maxInline)
	}
	if size != uint64(len(inline)) {
		return errorsmod.Wrapf(ErrInvalidSize, "size %d, inline data is %d bytes", size, len(inline))
	}
	if sum := sha256.Sum256(inline); !bytes.Equal(sum[:], hash) {
		return errorsmod.Wrapf(ErrContentHashMismatch, "hash %X, sha256 of inline data %X", hash, sum)
	}
	return nil
}
