package types

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
)

// Limits on what an agent may carry, so that one agent stays a small
// transaction and a small state entry.
const (
	// MaxEndpointLength bounds an endpoint URL, in bytes.
	MaxEndpointLength = 256
	// MaxMetadataURILength bounds a metadata URI, in bytes.
	MaxMetadataURILength = 512
	// MaxEvidenceRefLength bounds an evidence reference, in bytes.
	MaxEvidenceRefLength = 256
	// HashLength is the length of a batch root.
	HashLength = 32
	// EVMAddressLength is the length of an account address that can sign
	// settlements (eth_secp256k1).
	EVMAddressLength = 20
)

// ParseAddress decodes an account address with the chain's address codec and
// returns it with its canonical string form, the one stored in state.
func ParseAddress(ac address.Codec, field, s string) (sdk.AccAddress, string, error) {
	return modulekit.ParseAddress(ac, ErrInvalidAddress, field, s)
}

// canonicalAddress checks that s is an address in canonical form (genesis).
func canonicalAddress(ac address.Codec, field, s string) (sdk.AccAddress, error) {
	bz, canonical, err := ParseAddress(ac, field, s)
	if err != nil {
		return nil, err
	}
	if canonical != s {
		return nil, errorsmod.Wrapf(ErrInvalidAddress, "%s %q is not in canonical form %q", field, s, canonical)
	}
	return bz, nil
}

// ValidateKind checks an agent kind.
func ValidateKind(kind AgentKind) error {
	switch kind {
	case AGENT_KIND_SERVING_NODE, AGENT_KIND_AUTONOMOUS_AGENT, AGENT_KIND_ATTESTOR:
		return nil
	}
	return errorsmod.Wrapf(ErrInvalidKind, "kind %s", kind)
}

// hasSpaceOrControl reports white space or control characters.
func hasSpaceOrControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0
}

// ValidateEndpoint checks an endpoint: an http or https URL with a host, at
// most MaxEndpointLength bytes. Serving nodes must have one; other kinds may
// leave it empty.
func ValidateEndpoint(kind AgentKind, endpoint string) error {
	if endpoint == "" {
		if kind == AGENT_KIND_SERVING_NODE {
			return errorsmod.Wrap(ErrInvalidEndpoint, "a serving node needs an endpoint")
		}
		return nil
	}
	if len(endpoint) > MaxEndpointLength || !utf8.ValidString(endpoint) || hasSpaceOrControl(endpoint) {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "endpoint must be valid UTF-8 without spaces, at most %d bytes", MaxEndpointLength)
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "endpoint %q: %v", endpoint, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "endpoint %q must be http(s)://host[:port][/path] without credentials", endpoint)
	}
	return nil
}

// ValidateMetadataURI checks a metadata URI: empty, or scheme://... without
// spaces, at most MaxMetadataURILength bytes.
func ValidateMetadataURI(uri string) error {
	if uri == "" {
		return nil
	}
	if len(uri) > MaxMetadataURILength || !utf8.ValidString(uri) || hasSpaceOrControl(uri) || !strings.Contains(uri, "://") {
		return errorsmod.Wrapf(ErrInvalidMetadataURI, "metadata uri must be scheme://... without spaces, at most %d bytes", MaxMetadataURILength)
	}
	return nil
}

// ValidateModelIDs checks the list of models an agent serves: strictly
// ascending non-zero ids, at most maxModels, at least one for serving nodes.
// Whether each model exists and is active is the keeper's check.
func ValidateModelIDs(kind AgentKind, ids []uint64, maxModels uint32) error {
	if kind == AGENT_KIND_SERVING_NODE && len(ids) == 0 {
		return errorsmod.Wrap(ErrInvalidModelIDs, "a serving node serves at least one model")
	}
	if uint64(len(ids)) > uint64(maxModels) {
		return errorsmod.Wrapf(ErrTooManyModels, "%d models, at most %d", len(ids), maxModels)
	}
	for i, id := range ids {
		if id == 0 {
			return errorsmod.Wrap(ErrInvalidModelIDs, "model id 0")
		}
		if i > 0 && ids[i-1] >= id {
			return errorsmod.Wrapf(ErrInvalidModelIDs, "model ids must be strictly ascending: %d after %d", id, ids[i-1])
		}
	}
	return nil
}

// ValidateAmount checks a positive amount of aopen.
func ValidateAmount(field string, amt math.Int) error {
	if amt.IsNil() || !amt.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s %s must be positive", field, amt)
	}
	if amt.BigInt().BitLen() > 255 {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s is too large", field)
	}
	return nil
}

// ValidateEvidenceRef checks an evidence reference: 1 to
// MaxEvidenceRefLength bytes of printable UTF-8.
func ValidateEvidenceRef(ref string) error {
	return modulekit.Text{Err: ErrInvalidEvidenceRef, Field: "evidence_ref", Max: MaxEvidenceRefLength, Required: true}.Check(ref)
}

// ValidateSlashReason checks a slash reason.
func ValidateSlashReason(r SlashReason) error {
	switch r {
	case SLASH_REASON_ATTRIBUTION_FRAUD, SLASH_REASON_EQUIVOCATION, SLASH_REASON_GOVERNANCE:
		return nil
	}
	return errorsmod.Wrapf(ErrInvalidSlashReason, "reason %s", r)
}

// nonNegative checks a stored amount.
func nonNegative(field string, v math.Int) error {
	if v.IsNil() || v.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%s %s must be zero or positive", field, v)
	}
	return nil
}

// Validate checks everything about a stored agent that needs no other state
// (used for genesis). Whether its models exist is not re-checked: models
// may be deprecated or revoked after registration.
func (a Agent) Validate(ac address.Codec, p Params) error {
	if _, err := canonicalAddress(ac, "operator", a.Operator); err != nil {
		return err
	}
	if _, err := canonicalAddress(ac, "owner", a.Owner); err != nil {
		return err
	}
	if err := ValidateKind(a.Kind); err != nil {
		return err
	}
	if err := ValidateModelIDs(a.Kind, a.ModelIds, p.MaxModelsPerAgent); err != nil {
		return err
	}
	if err := ValidateEndpoint(a.Kind, a.Endpoint); err != nil {
		return err
	}
	if err := ValidateMetadataURI(a.MetadataUri); err != nil {
		return err
	}
	if err := nonNegative("bonded", a.Bonded); err != nil {
		return err
	}
	// An ACTIVE agent may bond less than today's minimum: governance may
	// have raised it after the agent joined.
	switch a.Status {
	case AGENT_STATUS_ACTIVE, AGENT_STATUS_INACTIVE, AGENT_STATUS_JAILED, AGENT_STATUS_TOMBSTONED:
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "agent %s status %s", a.Operator, a.Status)
	}
	if a.CreatedHeight < 0 || a.UpdatedHeight < a.CreatedHeight {
		return errorsmod.Wrapf(ErrInvalidGenesis, "agent %s heights %d/%d", a.Operator, a.CreatedHeight, a.UpdatedHeight)
	}
	return nil
}

// Validate checks a stored unbonding entry.
func (e UnbondingEntry) Validate(ac address.Codec) error {
	if _, err := canonicalAddress(ac, "operator", e.Operator); err != nil {
		return err
	}
	if _, err := canonicalAddress(ac, "owner", e.Owner); err != nil {
		return err
	}
	if e.Id == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "unbonding entry id 0")
	}
	if err := nonNegative("initial_amount", e.InitialAmount); err != nil {
		return err
	}
	if err := nonNegative("amount", e.Amount); err != nil {
		return err
	}
	if e.Amount.GT(e.InitialAmount) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "unbonding entry %d amount %s exceeds its initial amount %s", e.Id, e.Amount, e.InitialAmount)
	}
	if e.CreationHeight < 0 {
		return errorsmod.Wrapf(ErrInvalidGenesis, "unbonding entry %d creation height %d", e.Id, e.CreationHeight)
	}
	return nil
}

// Validate checks a stored slash record.
func (r SlashRecord) Validate(ac address.Codec) error {
	if _, err := canonicalAddress(ac, "operator", r.Operator); err != nil {
		return err
	}
	if r.Id == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "slash record id 0")
	}
	if err := ValidateSlashReason(r.Reason); err != nil {
		return err
	}
	if err := ValidateEvidenceRef(r.EvidenceRef); err != nil {
		return err
	}
	if r.FractionBps > BPSTotal || r.InfractionHeight < 0 || r.Height < 0 {
		return errorsmod.Wrapf(ErrInvalidGenesis, "slash record %d fraction %d heights %d/%d", r.Id, r.FractionBps, r.InfractionHeight, r.Height)
	}
	if r.Challenger != "" {
		if _, err := canonicalAddress(ac, "challenger", r.Challenger); err != nil {
			return err
		}
	}
	for _, v := range []struct {
		name string
		v    math.Int
	}{{"slashed_bonded", r.SlashedBonded}, {"slashed_unbonding", r.SlashedUnbonding}, {"challenger_reward", r.ChallengerReward}, {"burned", r.Burned}} {
		if err := nonNegative(v.name, v.v); err != nil {
			return err
		}
	}
	if !r.SlashedBonded.Add(r.SlashedUnbonding).Equal(r.ChallengerReward.Add(r.Burned)) {
		return errorsmod.Wrapf(ErrInvalidGenesis, "slash record %d: slashed amounts do not equal reward plus burned", r.Id)
	}
	return nil
}

// Settlement decodes a signed settlement into the statement it signs. Both
// addresses must be 20-byte (eth_secp256k1) account addresses.
func (s SignedSettlement) Settlement(ac address.Codec) (Settlement, error) {
	node, _, err := ParseAddress(ac, "serving_node", s.ServingNode)
	if err != nil {
		return Settlement{}, err
	}
	user, _, err := ParseAddress(ac, "user", s.User)
	if err != nil {
		return Settlement{}, err
	}
	if len(node) != EVMAddressLength || len(user) != EVMAddressLength {
		return Settlement{}, errorsmod.Wrapf(ErrInvalidSettlement, "serving node and user must be %d-byte addresses", EVMAddressLength)
	}
	if s.CumulativeAmount.IsNil() || s.CumulativeAmount.IsNegative() || s.CumulativeAmount.BigInt().BitLen() > 256 {
		return Settlement{}, errorsmod.Wrapf(ErrInvalidSettlement, "cumulative amount %s must be a uint256", s.CumulativeAmount)
	}
	if len(s.BatchRoot) != HashLength {
		return Settlement{}, errorsmod.Wrapf(ErrInvalidSettlement, "batch root has %d bytes, want %d", len(s.BatchRoot), HashLength)
	}
	return Settlement{
		ServingNode: node, User: user, Nonce: s.Nonce,
		CumulativeAmount: s.CumulativeAmount, BatchRoot: s.BatchRoot,
	}, nil
}

// UsedEvidenceKey is the (serving node, user, nonce) key of punished
// equivocation evidence.
func (s Settlement) UsedEvidenceKey() (sdk.AccAddress, sdk.AccAddress, uint64) {
	return sdk.AccAddress(s.ServingNode), sdk.AccAddress(s.User), s.Nonce
}
