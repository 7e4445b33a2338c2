package datanet

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/datanet/types"
)

// metadataArgs are the descriptive arguments of createDatanet and
// updateDatanet.
type metadataArgs struct {
	Name, Summary, Description string
	Tags                       []string
	License                    string
	Visibility                 uint8
	CurationPolicy             uint8
}

func (p precompile) createDatanet(c *precompilekit.Call) ([]any, error) {
	var a metadataArgs
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.CreateDatanet(c.Ctx, &types.MsgCreateDatanet{
		Owner: owner, Name: a.Name, Summary: a.Summary, Description: a.Description, Tags: a.Tags,
		License: a.License, Visibility: types.Visibility(a.Visibility), CurationPolicy: types.CurationPolicy(a.CurationPolicy),
	})
	if err != nil {
		return nil, err
	}
	if err := c.Emit("DatanetCreated", res.DatanetId, c.Caller, a.Name); err != nil {
		return nil, err
	}
	return []any{res.DatanetId}, nil
}

func (p precompile) updateDatanet(c *precompilekit.Call) ([]any, error) {
	var a struct {
		DatanetId uint64 //nolint:revive // the ABI argument is datanetId
		metadataArgs
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.UpdateDatanet(c.Ctx, &types.MsgUpdateDatanet{
		Owner: owner, DatanetId: a.DatanetId, Name: a.Name, Summary: a.Summary, Description: a.Description,
		Tags: a.Tags, License: a.License,
		Visibility: types.Visibility(a.Visibility), CurationPolicy: types.CurationPolicy(a.CurationPolicy),
	}); err != nil {
		return nil, err
	}
	if err := c.Emit("DatanetUpdated", a.DatanetId); err != nil {
		return nil, err
	}
	return []any{true}, nil
}

func (p precompile) setCurators(c *precompilekit.Call) ([]any, error) {
	var a struct {
		DatanetId uint64 //nolint:revive // the ABI argument is datanetId
		Curators  []common.Address
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	curators, err := precompilekit.Bech32s(p.codec, a.Curators)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.SetCurators(c.Ctx, &types.MsgSetCurators{Owner: owner, DatanetId: a.DatanetId, Curators: curators}); err != nil {
		return nil, err
	}
	if err := c.Emit("CuratorsSet", a.DatanetId, a.Curators); err != nil {
		return nil, err
	}
	return []any{true}, nil
}

func (p precompile) archiveDatanet(c *precompilekit.Call) ([]any, error) {
	var a struct {
		DatanetId uint64 //nolint:revive // the ABI argument is datanetId
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.ArchiveDatanet(c.Ctx, &types.MsgArchiveDatanet{Owner: owner, DatanetId: a.DatanetId})
	if err != nil {
		return nil, err
	}
	closed := res.ClosedContributionIds
	if err := c.Emit("DatanetArchived", a.DatanetId, closed); err != nil {
		return nil, err
	}
	return []any{closed}, nil
}

func (p precompile) transferOwnership(c *precompilekit.Call) ([]any, error) {
	var a struct {
		DatanetId uint64 //nolint:revive // the ABI argument is datanetId
		NewOwner  common.Address
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	owner, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	newOwner, err := precompilekit.Bech32(p.codec, a.NewOwner)
	if err != nil {
		return nil, err
	}
	if _, err := p.msgs.TransferDatanetOwnership(c.Ctx, &types.MsgTransferDatanetOwnership{
		Owner: owner, DatanetId: a.DatanetId, NewOwner: newOwner,
	}); err != nil {
		return nil, err
	}
	if err := c.Emit("OwnershipTransferred", a.DatanetId, c.Caller, a.NewOwner); err != nil {
		return nil, err
	}
	return []any{true}, nil
}

func (p precompile) submitContribution(c *precompilekit.Call) ([]any, error) {
	var a struct {
		DatanetId   uint64 //nolint:revive // the ABI argument is datanetId
		ContentHash [32]byte
		SizeBytes   uint64
		MediaType   string
		InlineData  []byte
		Uri         string //nolint:revive // the ABI argument is uri
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	contributor, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.SubmitContribution(c.Ctx, &types.MsgSubmitContribution{
		Contributor: contributor, DatanetId: a.DatanetId, ContentHash: a.ContentHash[:], SizeBytes: a.SizeBytes,
		MediaType: a.MediaType, InlineData: a.InlineData, Uri: a.Uri,
	})
	if err != nil {
		return nil, err
	}
	fee, deposit := precompilekit.Amount(res.FeePaid.Amount), precompilekit.Amount(res.Deposit.Amount)
	if err := c.Emit("ContributionSubmitted", a.DatanetId, res.ContributionId, c.Caller, a.ContentHash, fee, deposit); err != nil {
		return nil, err
	}
	return []any{res.ContributionId, fee, deposit}, nil
}

func (p precompile) withdrawContribution(c *precompilekit.Call) ([]any, error) {
	var a struct {
		ContributionId uint64 //nolint:revive // the ABI argument is contributionId
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	contributor, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	res, err := p.msgs.WithdrawContribution(c.Ctx, &types.MsgWithdrawContribution{Contributor: contributor, ContributionId: a.ContributionId})
	if err != nil {
		return nil, err
	}
	returned := precompilekit.Amount(res.DepositReturned.Amount)
	if err := c.Emit("ContributionWithdrawn", a.ContributionId, c.Caller, returned); err != nil {
		return nil, err
	}
	return []any{returned}, nil
}

func (p precompile) reviewContributions(c *precompilekit.Call) ([]any, error) {
	var a struct {
		DatanetId uint64 //nolint:revive // the ABI argument is datanetId
		Decisions []struct {
			ContributionId uint64 //nolint:revive // the ABI field is contributionId
			Accept         bool
			Reason         string
		}
	}
	if err := c.Decode(&a); err != nil {
		return nil, err
	}
	reviewer, err := precompilekit.Bech32(p.codec, c.Caller)
	if err != nil {
		return nil, err
	}
	decisions := make([]types.ReviewDecision, len(a.Decisions))
	for i, d := range a.Decisions {
		decisions[i] = types.ReviewDecision{ContributionId: d.ContributionId, Accept: d.Accept, Reason: d.Reason}
	}
	res, err := p.msgs.ReviewContributions(c.Ctx, &types.MsgReviewContributions{Reviewer: reviewer, DatanetId: a.DatanetId, Decisions: decisions})
	if err != nil {
		return nil, err
	}
	accepted, rejected, root := res.AcceptedIds, res.RejectedIds, precompilekit.Hash32(res.Root)
	if err := c.Emit("ContributionsReviewed", a.DatanetId, c.Caller, accepted, rejected, res.Version, root); err != nil {
		return nil, err
	}
	return []any{accepted, rejected, res.Version, root}, nil
}
