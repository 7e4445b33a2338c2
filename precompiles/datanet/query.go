package datanet

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/datanet/types"
)

// The structs below are IDatanet.sol's, field for field; the ABI encoder
// matches fields by name.

type datanetView struct {
	Id             uint64 //nolint:revive // the ABI field is id
	Owner          common.Address
	Name           string
	Summary        string
	Description    string
	Tags           []string
	License        string
	Visibility     uint8
	CurationPolicy uint8
	Curators       []common.Address
	Status         uint8
	CurrentVersion uint64
	CreatedHeight  int64
	UpdatedHeight  int64
}

type contributionView struct {
	Id              uint64 //nolint:revive // the ABI field is id
	DatanetId       uint64 //nolint:revive // the ABI field is datanetId
	Contributor     common.Address
	ContentHash     [32]byte
	SizeBytes       uint64
	MediaType       string
	InlineData      []byte
	Uri             string //nolint:revive // the ABI field is uri
	Status          uint8
	FeePaid         *big.Int
	Deposit         *big.Int
	DepositOutcome  uint8
	SubmittedHeight int64
	ResolvedHeight  int64
	Reviewer        common.Address
	Reason          string
	AcceptedVersion uint64
	LeafIndex       uint64
}

type versionView struct {
	DatanetId uint64 //nolint:revive // the ABI field is datanetId
	Version   uint64
	Root      [32]byte
	LeafCount uint64
	Height    int64
}

type membershipProofView struct {
	DatanetId uint64 //nolint:revive // the ABI field is datanetId
	Version   uint64
	Root      [32]byte
	LeafCount uint64
	LeafIndex uint64
	Leaf      [32]byte
	Siblings  [][32]byte
}

func (p precompile) getDatanet(c *precompilekit.Call) ([]any, error) {
	var a struct {
		DatanetId uint64 //nolint:revive // the ABI argument is datanetId
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	res, err := p.queries.Datanet(c.Ctx, &types.QueryDatanetRequest{DatanetId: a.DatanetId})
	if err != nil {
		return nil, err
	}
	d := res.Datanet
	owner, err := precompilekit.EVMAddress(p.codec, d.Owner)
	if err != nil {
		return nil, err
	}
	curators, err := precompilekit.EVMAddresses(p.codec, d.Curators)
	if err != nil {
		return nil, err
	}
	return []any{datanetView{
		Id: d.Id, Owner: owner, Name: d.Name, Summary: d.Summary, Description: d.Description,
		Tags: d.Tags, License: d.License, Visibility: precompilekit.Enum8(d.Visibility), CurationPolicy: precompilekit.Enum8(d.CurationPolicy),
		Curators: curators, Status: precompilekit.Enum8(d.Status), CurrentVersion: d.CurrentVersion,
		CreatedHeight: d.CreatedHeight, UpdatedHeight: d.UpdatedHeight,
	}}, nil
}

func (p precompile) getContribution(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ContributionId uint64 //nolint:revive // the ABI argument is contributionId
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	res, err := p.queries.Contribution(c.Ctx, &types.QueryContributionRequest{ContributionId: a.ContributionId})
	if err != nil {
		return nil, err
	}
	k := res.Contribution
	contributor, err := precompilekit.EVMAddress(p.codec, k.Contributor)
	if err != nil {
		return nil, err
	}
	reviewer, err := precompilekit.EVMAddress(p.codec, k.Reviewer)
	if err != nil {
		return nil, err
	}
	return []any{contributionView{
		Id: k.Id, DatanetId: k.DatanetId, Contributor: contributor, ContentHash: precompilekit.Hash32(k.ContentHash),
		SizeBytes: k.SizeBytes, MediaType: k.MediaType, InlineData: k.InlineData, Uri: k.Uri,
		Status: precompilekit.Enum8(k.Status), FeePaid: precompilekit.Amount(k.FeePaid.Amount), Deposit: precompilekit.Amount(k.Deposit.Amount),
		DepositOutcome: precompilekit.Enum8(k.DepositOutcome), SubmittedHeight: k.SubmittedHeight, ResolvedHeight: k.ResolvedHeight,
		Reviewer: reviewer, Reason: k.Reason, AcceptedVersion: k.AcceptedVersion, LeafIndex: k.LeafIndex,
	}}, nil
}

func (p precompile) getVersion(c *precompilekit.Call) ([]any, error) {
	var a struct {
		DatanetId uint64 //nolint:revive // the ABI argument is datanetId
		Version   uint64
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	res, err := p.queries.Version(c.Ctx, &types.QueryVersionRequest{DatanetId: a.DatanetId, Version: a.Version})
	if err != nil {
		return nil, err
	}
	v := res.Version
	return []any{versionView{DatanetId: v.DatanetId, Version: v.Version, Root: precompilekit.Hash32(v.Root), LeafCount: v.LeafCount, Height: v.Height}}, nil
}

func (p precompile) getMembershipProof(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ContributionId uint64 //nolint:revive // the ABI argument is contributionId
		Version        uint64
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	res, err := p.queries.MembershipProof(c.Ctx, &types.QueryMembershipProofRequest{ContributionId: a.ContributionId, Version: a.Version})
	if err != nil {
		return nil, err
	}
	siblings := make([][32]byte, len(res.Siblings))
	for i, s := range res.Siblings {
		siblings[i] = precompilekit.Hash32(s)
	}
	return []any{membershipProofView{
		DatanetId: res.DatanetId, Version: res.Version, Root: precompilekit.Hash32(res.Root), LeafCount: res.LeafCount,
		LeafIndex: res.LeafIndex, Leaf: precompilekit.Hash32(res.Leaf), Siblings: siblings,
	}}, nil
}
