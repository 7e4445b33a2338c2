// Package chaintx signs and sends the chain transactions of the off-chain
// services (a serving node's settlements, a trainer's model registrations)
// with an operator key held in a file, the way `openledgerd keys
// unsafe-export-eth-key` writes it.
package chaintx

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"google.golang.org/grpc"

	"github.com/cosmos/evm/crypto/ethsecp256k1"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// DefaultGasPrice is the chain's minimum fee per gas, in aopen.
var DefaultGasPrice = math.NewInt(1_000_000_000)

// Signer signs transactions with one key at its account's current
// sequence.
type Signer struct {
	Conn     *grpc.ClientConn
	TxConfig client.TxConfig
	Key      *ethsecp256k1.PrivKey
	ChainID  string
	// GasPrice is the fee per gas in aopen (DefaultGasPrice when nil).
	GasPrice math.Int
}

// Address is the signer's account.
func (s *Signer) Address() sdk.AccAddress { return sdk.AccAddress(s.Key.PubKey().Address()) }

// Sign signs msgs at the account's current sequence, with the gas a
// simulation asks for and half again, and returns the transaction bytes.
func (s *Signer) Sign(ctx context.Context, msgs ...sdk.Msg) ([]byte, error) {
	addr := s.Address()
	info, err := authtypes.NewQueryClient(s.Conn).AccountInfo(ctx, &authtypes.QueryAccountInfoRequest{Address: addr.String()})
	if err != nil {
		return nil, fmt.Errorf("account %s: %w", addr, err)
	}
	price := s.GasPrice
	if price.IsNil() {
		price = DefaultGasPrice
	}
	build := func(gas uint64) ([]byte, error) {
		builder := s.TxConfig.NewTxBuilder()
		if err := builder.SetMsgs(msgs...); err != nil {
			return nil, err
		}
		builder.SetGasLimit(gas)
		builder.SetFeeAmount(sdk.NewCoins(sdk.NewCoin("aopen", price.Mul(math.NewIntFromUint64(gas)))))
		mode := signing.SignMode_SIGN_MODE_DIRECT
		seq := info.Info.Sequence
		if err := builder.SetSignatures(signing.SignatureV2{PubKey: s.Key.PubKey(), Data: &signing.SingleSignatureData{SignMode: mode}, Sequence: seq}); err != nil {
			return nil, err
		}
		signerData := authsigning.SignerData{
			ChainID: s.ChainID, AccountNumber: info.Info.AccountNumber, Sequence: seq,
			PubKey: s.Key.PubKey(), Address: addr.String(),
		}
		sig, err := clienttx.SignWithPrivKey(ctx, mode, signerData, builder, s.Key, s.TxConfig, seq)
		if err != nil {
			return nil, err
		}
		if err := builder.SetSignatures(sig); err != nil {
			return nil, err
		}
		return s.TxConfig.TxEncoder()(builder.GetTx())
	}
	probe, err := build(0)
	if err != nil {
		return nil, err
	}
	sim, err := txtypes.NewServiceClient(s.Conn).Simulate(ctx, &txtypes.SimulateRequest{TxBytes: probe})
	if err != nil {
		return nil, fmt.Errorf("simulating the transaction: %w", err)
	}
	return build(sim.GasInfo.GasUsed*3/2 + 50_000)
}

// SendAndWait signs msgs, broadcasts them and waits until the transaction
// is in a block (or ctx ends); a transaction the chain refuses, at CheckTx
// or in its block, is an error carrying the chain's log.
func (s *Signer) SendAndWait(ctx context.Context, msgs ...sdk.Msg) (*sdk.TxResponse, error) {
	txBytes, err := s.Sign(ctx, msgs...)
	if err != nil {
		return nil, err
	}
	txs := txtypes.NewServiceClient(s.Conn)
	res, err := txs.BroadcastTx(ctx, &txtypes.BroadcastTxRequest{TxBytes: txBytes, Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC})
	if err != nil {
		return nil, fmt.Errorf("broadcasting: %w", err)
	}
	if res.TxResponse.Code != 0 {
		return res.TxResponse, fmt.Errorf("refused (code %d): %s", res.TxResponse.Code, res.TxResponse.RawLog)
	}
	hash := res.TxResponse.TxHash
	for {
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("transaction %s not committed: %w", hash, ctx.Err())
		case <-time.After(300 * time.Millisecond):
		}
		got, err := txs.GetTx(ctx, &txtypes.GetTxRequest{Hash: hash})
		if err != nil || got.TxResponse == nil {
			continue
		}
		if got.TxResponse.Code != 0 {
			return got.TxResponse, fmt.Errorf("failed in block %d (code %d): %s", got.TxResponse.Height, got.TxResponse.Code, got.TxResponse.RawLog)
		}
		return got.TxResponse, nil
	}
}

// LoadKey reads a secp256k1 private key written in hex (with or without
// 0x) in a file.
func LoadKey(path string) (*ethsecp256k1.PrivKey, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	bz, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
	if err != nil || len(bz) != 32 {
		return nil, fmt.Errorf("%s: want a 32-byte private key in hex", path)
	}
	return &ethsecp256k1.PrivKey{Key: bz}, nil
}

// LoadOrCreateKey reads the key in path, first writing a new one there
// (readable by its owner only) when the file does not exist.
func LoadOrCreateKey(path string) (*ethsecp256k1.PrivKey, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		k, err := ethsecp256k1.GenerateKey()
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, []byte(hex.EncodeToString(k.Bytes())+"\n"), 0o600); err != nil {
			return nil, err
		}
	}
	return LoadKey(path)
}
