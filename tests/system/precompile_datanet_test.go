package system_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"math/big"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/precompiles/datanet"
	"github.com/openledger/openledger/testutil/jsclient"
)

// The precompiles driven as an Ethereum developer would: wallets'
// transactions to their addresses, a contract that owns and curates a
// Datanet, and reverts decoded with the ABI.

type precompileEVM struct {
	t       *testing.T
	ctx     context.Context
	client  *ethclient.Client
	abi     abi.ABI
	address common.Address
}

// newPrecompileEVM reaches the precompile at address, of ABI abiJSON,
// through the node's JSON-RPC.
func newPrecompileEVM(t *testing.T, ctx context.Context, abiJSON []byte, address string) *precompileEVM {
	t.Helper()
	parsed, err := abi.JSON(bytes.NewReader(abiJSON))
	require.NoError(t, err)
	return &precompileEVM{t: t, ctx: ctx, client: dialEVM(t), abi: parsed, address: common.HexToAddress(address)}
}

func (d *precompileEVM) pack(method string, args ...any) []byte {
	d.t.Helper()
	data, err := d.abi.Pack(method, args...)
	require.NoError(d.t, err)
	return data
}

// send signs and sends a call of method as key's account and requires it to
// succeed.
func (d *precompileEVM) send(key *ecdsa.PrivateKey, method string, args ...any) *types.Receipt {
	d.t.Helper()
	receipt := sendEVMTx(d.ctx, d.t, d.client, key, &d.address, nil, d.pack(method, args...))
	require.Equal(d.t, types.ReceiptStatusSuccessful, receipt.Status, "%s", method)
	return receipt
}

// view calls a view method through eth_call and unpacks its outputs.
func (d *precompileEVM) view(method string, args ...any) []any {
	d.t.Helper()
	out, err := d.client.CallContract(d.ctx, ethereum.CallMsg{To: &d.address, Data: d.pack(method, args...)}, nil)
	require.NoError(d.t, err)
	values, err := d.abi.Unpack(method, out)
	require.NoError(d.t, err)
	return values
}

// revert simulates method as from and returns the decoded CosmosError.
func (d *precompileEVM) revert(from common.Address, to common.Address, data []byte) (codespace string, code uint32, message string) {
	d.t.Helper()
	_, err := d.client.CallContract(d.ctx, ethereum.CallMsg{From: from, To: &to, Data: data}, nil)
	return decodeCosmosError(d.t, d.abi.Errors["CosmosError"], err)
}

// decodeCosmosError decodes the CosmosError revert that err, a JSON-RPC
// error, carries.
func decodeCosmosError(t *testing.T, revert abi.Error, err error) (codespace string, code uint32, message string) {
	t.Helper()
	require.Error(t, err)
	var dataErr rpc.DataError
	require.True(t, errors.As(err, &dataErr), "no revert data in %v", err)
	hexData, ok := dataErr.ErrorData().(string)
	require.True(t, ok, "revert data %v", dataErr.ErrorData())
	raw, err := hexutil.Decode(hexData)
	require.NoError(t, err)
	require.Equal(t, revert.ID[:4], raw[:4], "revert is not a CosmosError: %x", raw)
	values, err := revert.Inputs.Unpack(raw[4:])
	require.NoError(t, err)
	return values[0].(string), values[1].(uint32), values[2].(string)
}

// event returns the first log of the named event in receipt.
func (d *precompileEVM) event(receipt *types.Receipt, name string) *types.Log {
	d.t.Helper()
	id := d.abi.Events[name].ID
	for _, log := range receipt.Logs {
		if log.Address == d.address && len(log.Topics) > 0 && log.Topics[0] == id {
			return log
		}
	}
	d.t.Fatalf("no %s event in the receipt", name)
	return nil
}

// gasCost is what the transaction of receipt paid for gas, in aopen.
func gasCost(receipt *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(receipt.GasUsed), receipt.EffectiveGasPrice)
}

type chainDatanet struct {
	Datanet struct {
		Owner          string `json:"owner"`
		Name           string `json:"name"`
		CurrentVersion string `json:"current_version"`
	} `json:"datanet"`
}

func TestDatanetPrecompileFromEthereumTools(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	d := newPrecompileEVM(t, ctx, datanet.ABIJSON, datanet.Address)
	params := datanetParams(t)
	creator, voter, contributor := exportEthKey(t, "dev2"), exportEthKey(t, "dev3"), exportEthKey(t, "dev4")
	creatorAddr := crypto.PubkeyToAddress(creator.PublicKey)

	// A wallet creates a Datanet: the chain records the wallet's account as
	// its owner, and the fee leaves the same OPEN balance the EVM shows.
	before, err := d.client.BalanceAt(ctx, creatorAddr, nil)
	require.NoError(t, err)
	receipt := d.send(creator, "createDatanet", "EVM poems", "made from a wallet", "", []string{"evm"}, "CC-BY-4.0", uint8(1), uint8(1))
	created := d.event(receipt, "DatanetCreated")
	require.Equal(t, common.BytesToHash(creatorAddr.Bytes()), created.Topics[2])
	id := new(big.Int).SetBytes(created.Topics[1].Bytes()).Uint64()
	var onChain chainDatanet
	queryJSON(t, &onChain, "query", "datanet", "datanet", strconv.FormatUint(id, 10))
	require.Equal(t, localnet.address(t, "dev2"), onChain.Datanet.Owner)
	require.Equal(t, "EVM poems", onChain.Datanet.Name)
	after, err := d.client.BalanceAt(ctx, creatorAddr, nil)
	require.NoError(t, err)
	spent := new(big.Int).Sub(before, after)
	require.Equal(t, new(big.Int).Add(gasCost(receipt), params.CreationFee.BigInt()), spent,
		"the wallet pays its gas and the creation fee, to the aopen")
	require.Equal(t, localnet.balance(t, localnet.address(t, "dev2")), after.String(), "bank and EVM agree")

	view := d.view("getDatanet", id)[0].(struct {
		Id             uint64           `json:"id"` //nolint:revive // as the ABI decoder names it
		Owner          common.Address   `json:"owner"`
		Name           string           `json:"name"`
		Summary        string           `json:"summary"`
		Description    string           `json:"description"`
		Tags           []string         `json:"tags"`
		License        string           `json:"license"`
		Visibility     uint8            `json:"visibility"`
		CurationPolicy uint8            `json:"curationPolicy"`
		Curators       []common.Address `json:"curators"`
		Status         uint8            `json:"status"`
		CurrentVersion uint64           `json:"currentVersion"`
		CreatedHeight  int64            `json:"createdHeight"`
		UpdatedHeight  int64            `json:"updatedHeight"`
	})
	require.Equal(t, creatorAddr, view.Owner)
	require.Equal(t, []string{"evm"}, view.Tags)

	// Someone else's update reverts with the module's own error.
	voterAddr := crypto.PubkeyToAddress(voter.PublicKey)
	codespace, code, message := d.revert(voterAddr, d.address,
		d.pack("updateDatanet", id, "taken", "", "", []string{}, "MIT", uint8(1), uint8(1)))
	require.Equal(t, "datanet", codespace)
	require.Equal(t, uint32(11), code, "ErrNotDatanetOwner")
	require.Contains(t, message, "does not own datanet")

	// A contract owns and curates a Datanet: deployed with the creation fee
	// as its value, it creates the Datanet in its constructor and keeps
	// nothing of that value.
	dao := loadArtifact(t, "DatanetDAO")
	deploy, err := dao.abi.Pack("", []common.Address{creatorAddr, voterAddr}, big.NewInt(2), "DAO poems")
	require.NoError(t, err)
	receipt = sendEVMTx(ctx, t, d.client, creator, nil, params.CreationFee.BigInt(), append(append([]byte{}, dao.bytecode...), deploy...))
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	daoAddr := receipt.ContractAddress
	daoID := new(big.Int).SetBytes(d.event(receipt, "DatanetCreated").Topics[1].Bytes()).Uint64()
	require.Equal(t, daoID, callArtifact(ctx, t, d.client, dao, daoAddr, "datanetId")[0])
	daoBalance, err := d.client.BalanceAt(ctx, daoAddr, nil)
	require.NoError(t, err)
	require.Zero(t, daoBalance.Sign(), "the contract paid the fee from the value it was sent")
	queryJSON(t, &onChain, "query", "datanet", "datanet", strconv.FormatUint(daoID, 10))
	require.Equal(t, daoAddr, hexAddress(t, onChain.Datanet.Owner), "the contract is the owner")

	// A wallet contributes; the contribution is accepted once both members
	// have voted, by the contract calling the precompile.
	text := []byte("A thing of beauty is a joy for ever.")
	hash := sha256.Sum256(text)
	receipt = d.send(contributor, "submitContribution", daoID, hash, uint64(len(text)), "text/plain", text, "")
	contributionID := new(big.Int).SetBytes(d.event(receipt, "ContributionSubmitted").Topics[2].Bytes()).Uint64()
	voteData, err := dao.abi.Pack("vote", contributionID)
	require.NoError(t, err)
	receipt = sendEVMTx(ctx, t, d.client, creator, &daoAddr, nil, voteData)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	require.Equal(t, "0", d.datanetVersion(daoID), "one vote of two publishes nothing")
	receipt = sendEVMTx(ctx, t, d.client, voter, &daoAddr, nil, voteData)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	reviewed := d.event(receipt, "ContributionsReviewed")
	require.Equal(t, common.BytesToHash(daoAddr.Bytes()), reviewed.Topics[2], "the contract is the reviewer")
	require.Equal(t, "1", d.datanetVersion(daoID))
	version := d.view("getVersion", daoID, uint64(1))[0].(struct {
		DatanetId uint64   `json:"datanetId"` //nolint:revive // as the ABI decoder names it
		Version   uint64   `json:"version"`
		Root      [32]byte `json:"root"`
		LeafCount uint64   `json:"leafCount"`
		Height    int64    `json:"height"`
	})
	reviewedData, err := d.abi.Events["ContributionsReviewed"].Inputs.NonIndexed().Unpack(reviewed.Data)
	require.NoError(t, err)
	require.Equal(t, version.Root, reviewedData[3], "the event carries the published root")
	require.Equal(t, uint64(1), version.LeafCount)

	// Writing through delegatecall or staticcall is refused, and a contract
	// catches the module's error as a CosmosError.
	probe := loadArtifact(t, "PrecompileProbe")
	receipt = sendEVMTx(ctx, t, d.client, creator, nil, nil, probe.bytecode)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	probeAddr := receipt.ContractAddress
	for _, method := range []string{"delegateCreate", "staticCreate"} {
		out := callArtifact(ctx, t, d.client, probe, probeAddr, method)
		require.False(t, out[0].(bool), "%s must fail", method)
		require.Contains(t, string(out[1].([]byte)), "write protection", method)
	}
	out := callArtifact(ctx, t, d.client, probe, probeAddr, "archiveForeign", daoID)
	require.Equal(t, []any{"datanet", uint32(11)}, out)
}

// datanetVersion is a Datanet's current version as the chain reports it.
func (d *precompileEVM) datanetVersion(id uint64) string {
	d.t.Helper()
	var onChain chainDatanet
	queryJSON(d.t, &onChain, "query", "datanet", "datanet", strconv.FormatUint(id, 10))
	if onChain.Datanet.CurrentVersion == "" {
		return "0"
	}
	return onChain.Datanet.CurrentVersion
}

// The steps of docs/precompiles.md, run by ethers.js.
func TestDatanetPrecompileWithEthers(t *testing.T) {
	key := exportEthKey(t, "dev1")
	res := jsclient.RunDatanet(t, jsclient.DatanetRequest{
		RPCURL:     localnet.evmURL(),
		PrivateKey: hexutil.Encode(crypto.FromECDSA(key)),
		Address:    datanet.Address,
		ABI:        datanet.ABIJSON,
	})
	owner := crypto.PubkeyToAddress(key.PublicKey)
	require.Equal(t, owner.Hex(), res.Owner)

	var onChain chainDatanet
	queryJSON(t, &onChain, "query", "datanet", "datanet", res.DatanetID)
	require.Equal(t, localnet.address(t, "dev1"), onChain.Datanet.Owner)
	require.Equal(t, "Recipes", onChain.Datanet.Name)
	require.Equal(t, "1", onChain.Datanet.CurrentVersion)
	require.Equal(t, owner.Hex(), res.Datanet.Owner)
	require.Equal(t, "1", res.Datanet.CurrentVersion)

	var version struct {
		Version struct {
			Root []byte `json:"root"`
		} `json:"version"`
	}
	queryJSON(t, &version, "query", "datanet", "version", res.DatanetID)
	require.Equal(t, hexutil.Encode(version.Version.Root), res.Root, "ethers read the root the chain published")

	require.NotNil(t, res.Refused)
	require.Equal(t, "CosmosError", res.Refused.Name)
	require.Equal(t, "datanet", res.Refused.Codespace)
	require.Equal(t, uint32(11), res.Refused.Code, "ErrNotDatanetOwner")
	require.Contains(t, res.Refused.Message, "does not own datanet")
	t.Logf("submitContribution through ethers: %s gas", res.ContributionGas)
}
