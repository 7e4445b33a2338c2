package keeper

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

type queryServer struct {
	modulekit.QueryServer[types.QueryParamsRequest, types.Params, types.QueryParamsResponse]
	k Keeper
}

// NewQueryServerImpl returns the Query service of the keeper.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	r := modulekit.NewRequests(types.ErrInvalidRequest, k.AddressCodec(), types.ErrInvalidAddress)
	return queryServer{
		QueryServer: modulekit.NewQueryServer[types.QueryParamsRequest](r, k.Params,
			func(p types.Params) *types.QueryParamsResponse { return &types.QueryParamsResponse{Params: p} }),
		k: k,
	}
}

// EthSigner returns a validator's registered key.
func (q queryServer) EthSigner(ctx context.Context, req *types.QueryEthSignerRequest) (*types.QueryEthSignerResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	val, err := q.k.valCodec.StringToBytes(req.Validator)
	if err != nil || len(val) == 0 {
		return nil, errorsmod.Wrapf(types.ErrInvalidRequest, "validator %q: %v", req.Validator, err)
	}
	s, err := modulekit.Get(ctx, q.k.Signers.Get, sdk.ValAddress(val), types.ErrSignerNotFound, "validator %s", req.Validator)
	return modulekit.Respond(&types.QueryEthSignerResponse{Signer: s}, err)
}

// EthSigners lists the registered keys by validator.
func (q queryServer) EthSigners(ctx context.Context, req *types.QueryEthSignersRequest) (*types.QueryEthSignersResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	signers, page, err := modulekit.PageValues(ctx, q.k.Signers, req.Pagination)
	return modulekit.Respond(&types.QueryEthSignersResponse{Signers: signers, Pagination: page}, err)
}

// Withdrawal returns one withdrawal.
func (q queryServer) Withdrawal(ctx context.Context, req *types.QueryWithdrawalRequest) (*types.QueryWithdrawalResponse, error) {
	if err := q.NeedID(req, "nonce", nonceOf(req)); err != nil {
		return nil, err
	}
	w, err := modulekit.Get(ctx, q.k.Withdrawals.Get, req.Nonce, types.ErrWithdrawalNotFound, "withdrawal %d", req.Nonce)
	return modulekit.Respond(&types.QueryWithdrawalResponse{Withdrawal: w}, err)
}

func nonceOf[R interface{ GetNonce() uint64 }](req R) uint64 {
	if modulekit.IsNil(req) {
		return 0
	}
	return req.GetNonce()
}

// WithdrawalProof returns a withdrawal's leaf, its proof and its
// checkpoint's root, once the checkpoint exists.
func (q queryServer) WithdrawalProof(ctx context.Context, req *types.QueryWithdrawalProofRequest) (*types.QueryWithdrawalProofResponse, error) {
	if err := q.NeedID(req, "nonce", nonceOf(req)); err != nil {
		return nil, err
	}
	w, err := modulekit.Get(ctx, q.k.Withdrawals.Get, req.Nonce, types.ErrWithdrawalNotFound, "withdrawal %d", req.Nonce)
	if err != nil {
		return nil, err
	}
	cp, err := modulekit.Get(ctx, q.k.Checkpoints.Get, w.CheckpointNonce, types.ErrWithdrawalNotCheckpointed,
		"withdrawal %d waits for checkpoint %d", w.Nonce, w.CheckpointNonce)
	if err != nil {
		return nil, err
	}
	leaves := make([][]byte, 0, cp.WithdrawalCount)
	index := -1
	for n := cp.FirstWithdrawalNonce; n < cp.FirstWithdrawalNonce+cp.WithdrawalCount; n++ {
		x, err := q.k.Withdrawals.Get(ctx, n)
		if err != nil {
			return nil, err
		}
		leaf, err := types.WithdrawalLeaf(x.Nonce, common.HexToAddress(x.EthRecipient), x.Amount)
		if err != nil {
			return nil, err
		}
		if n == w.Nonce {
			index = len(leaves)
		}
		leaves = append(leaves, leaf)
	}
	if index < 0 {
		return nil, errorsmod.Wrapf(types.ErrWithdrawalNotFound, "withdrawal %d is not in checkpoint %d", w.Nonce, cp.Header.Nonce)
	}
	proof, err := types.MerkleProof(leaves, index)
	if err != nil {
		return nil, err
	}
	return &types.QueryWithdrawalProofResponse{
		Withdrawal: w, Leaf: leaves[index], Proof: proof, Root: cp.Header.WithdrawalRoot, Checkpoint: cp.Header,
	}, nil
}

// Checkpoint returns one checkpoint.
func (q queryServer) Checkpoint(ctx context.Context, req *types.QueryCheckpointRequest) (*types.QueryCheckpointResponse, error) {
	if err := q.NeedID(req, "nonce", nonceOf(req)); err != nil {
		return nil, err
	}
	cp, err := modulekit.Get(ctx, q.k.Checkpoints.Get, req.Nonce, types.ErrCheckpointNotFound, "checkpoint %d", req.Nonce)
	if err != nil {
		return nil, err
	}
	return q.checkpointResponse(ctx, cp)
}

// LatestCheckpoint returns the last checkpoint.
func (q queryServer) LatestCheckpoint(ctx context.Context, req *types.QueryLatestCheckpointRequest) (*types.QueryLatestCheckpointResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	cp, found, err := q.k.lastCheckpoint(ctx)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, errorsmod.Wrap(types.ErrCheckpointNotFound, "no checkpoint yet")
	}
	resp, err := q.checkpointResponse(ctx, cp)
	if err != nil {
		return nil, err
	}
	return &types.QueryLatestCheckpointResponse{Latest: *resp}, nil
}

func (q queryServer) checkpointResponse(ctx context.Context, cp types.Checkpoint) (*types.QueryCheckpointResponse, error) {
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	domain, err := params.Domain()
	if err != nil {
		return nil, err
	}
	digest, err := domain.CheckpointDigest(cp.Header)
	if err != nil {
		return nil, err
	}
	resp := &types.QueryCheckpointResponse{Checkpoint: cp, Digest: digest[:]}
	signed := map[string]bool{} // look-ups only
	err = q.k.Signatures.Walk(ctx, collections.NewPrefixedPairRange[uint64, sdk.ValAddress](cp.Header.Nonce),
		func(_ collections.Pair[uint64, sdk.ValAddress], s types.CheckpointSignature) (bool, error) {
			resp.Signatures = append(resp.Signatures, s)
			signed[s.Validator] = true
			return false, nil
		})
	if err != nil {
		return nil, err
	}
	for _, m := range cp.SignerValset {
		resp.SignerPower += m.Power
		if signed[m.Validator] {
			resp.SignedPower += m.Power
		}
	}
	return resp, nil
}

// Status returns the escrow accounting and the nonces.
func (q queryServer) Status(ctx context.Context, req *types.QueryStatusRequest) (*types.QueryStatusResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	k := q.k
	resp := &types.QueryStatusResponse{Escrow: k.bankKeeper.GetBalance(ctx, k.ModuleAddress(), types.Denom).Amount}
	var err error
	if resp.L1Circulating, err = k.getInt(ctx, k.L1Circulating); err != nil {
		return nil, err
	}
	if resp.PendingWithdrawals, err = k.getInt(ctx, k.PendingWithdrawals); err != nil {
		return nil, err
	}
	last, _, err := k.lastCheckpoint(ctx)
	if err != nil {
		return nil, err
	}
	resp.LastCheckpointNonce = last.Header.Nonce
	if resp.L1AcceptedNonce, err = getOr(ctx, k.L1AcceptedNonce, 0); err != nil {
		return nil, err
	}
	if resp.LastDepositNonce, err = getOr(ctx, k.LastDepositNonce, 0); err != nil {
		return nil, err
	}
	if resp.NextWithdrawalNonce, err = modulekit.PeekID(ctx, k.NextWithdrawalNonce); err != nil {
		return nil, err
	}
	return resp, nil
}

// DepositAttestations lists the claims attested for a deposit nonce.
func (q queryServer) DepositAttestations(ctx context.Context, req *types.QueryDepositAttestationsRequest) (*types.QueryDepositAttestationsResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	if req.DepositNonce == 0 {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "deposit_nonce must be set")
	}
	claims, err := q.k.claimsOf(ctx, req.DepositNonce)
	return modulekit.Respond(&types.QueryDepositAttestationsResponse{Attestations: claims}, err)
}

// Equivocations lists the recorded equivocations.
func (q queryServer) Equivocations(ctx context.Context, req *types.QueryEquivocationsRequest) (*types.QueryEquivocationsResponse, error) {
	if req == nil {
		return nil, q.ErrNil
	}
	es, page, err := modulekit.PageValues(ctx, q.k.Equivocations, req.Pagination)
	return modulekit.Respond(&types.QueryEquivocationsResponse{Equivocations: es, Pagination: page}, err)
}
