// Command loadtest measures how many bank transfers per second a running
// OpenLedger node commits. It funds a set of fresh sender accounts from a dev
// key, then has every sender broadcast signed MsgSend transactions over gRPC
// as fast as CheckTx accepts them, and reports the sustained rate at which
// they land in blocks.
//
//	go run ./cmd/loadtest -home .localnet -txs 5000 -senders 50
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/evm/crypto/ethsecp256k1"
	"github.com/cosmos/evm/crypto/hd"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
)

const (
	sendGas = 150_000
	// gasPrice is ten times the genesis floor, so that the EIP-1559 base fee
	// can rise under load without rejecting the test's own transactions.
	gasPrice = 10_000_000_000
)

type options struct {
	home     string
	grpcAddr string
	chainID  string
	funder   string
	txs      int
	senders  int
	timeout  time.Duration
}

func main() {
	var opts options
	flag.StringVar(&opts.home, "home", ".localnet", "node home holding the dev keyring (test backend)")
	flag.StringVar(&opts.grpcAddr, "grpc", "127.0.0.1:9090", "gRPC address of the node")
	flag.StringVar(&opts.chainID, "chain-id", config.LocalChainID, "Cosmos chain id")
	flag.StringVar(&opts.funder, "from", "treasury", "key in the keyring that funds the senders")
	flag.IntVar(&opts.txs, "txs", 5000, "total transfers to send")
	flag.IntVar(&opts.senders, "senders", 50, "concurrent sender accounts")
	flag.DurationVar(&opts.timeout, "timeout", 10*time.Minute, "give up after this long")
	flag.Parse()

	if err := run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// loadClient signs and broadcasts transactions over gRPC.
type loadClient struct {
	opts     options
	txConfig client.TxConfig
	conn     *grpc.ClientConn
	auth     authtypes.QueryClient
	txs      txtypes.ServiceClient
}

type sender struct {
	key      cryptotypes.PrivKey
	address  sdk.AccAddress
	number   uint64
	sequence uint64
}

func run(opts options) error {
	if opts.txs < opts.senders || opts.senders < 1 {
		return errors.New("need -senders >= 1 and -txs >= -senders")
	}
	sdkConfig := sdk.GetConfig()
	config.SetAddressConfig(sdkConfig)
	codecs := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.EmptyAppOptions{})

	conn, err := grpc.NewClient(opts.grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	c := &loadClient{
		opts: opts, txConfig: codecs.GetTxConfig(), conn: conn,
		auth: authtypes.NewQueryClient(conn), txs: txtypes.NewServiceClient(conn),
	}
	ctx, cancel := context.WithTimeout(context.Background(), opts.timeout)
	defer cancel()

	senders, err := c.fundSenders(ctx, codecs)
	if err != nil {
		return fmt.Errorf("funding senders: %w", err)
	}
	fmt.Printf("funded %d senders; sending %d transfers\n", len(senders), opts.txs)
	return c.sendLoad(ctx, senders)
}

// fundSenders creates fresh keys and funds them with one multi-send from the
// funder key, then reads back their account numbers.
func (c *loadClient) fundSenders(ctx context.Context, codecs *app.OpenLedgerApp) ([]*sender, error) {
	kr, err := keyring.New(config.AppName, keyring.BackendTest, c.opts.home, nil, codecs.AppCodec(), hd.EthSecp256k1Option())
	if err != nil {
		return nil, err
	}
	funderRecord, err := kr.Key(c.opts.funder)
	if err != nil {
		return nil, fmt.Errorf("key %q in %s: %w", c.opts.funder, c.opts.home, err)
	}
	funderAddress, err := funderRecord.GetAddress()
	if err != nil {
		return nil, err
	}

	perSender := sdk.NewCoins(config.OPEN(10))
	senders := make([]*sender, c.opts.senders)
	outputs := make([]banktypes.Output, c.opts.senders)
	for i := range senders {
		key, err := ethsecp256k1.GenerateKey()
		if err != nil {
			return nil, err
		}
		senders[i] = &sender{key: key, address: sdk.AccAddress(key.PubKey().Address())}
		outputs[i] = banktypes.NewOutput(senders[i].address, perSender)
	}
	total := sdk.NewCoins(sdk.NewCoin(config.BaseDenom, perSender.AmountOf(config.BaseDenom).MulRaw(int64(c.opts.senders))))
	multiSend := banktypes.NewMsgMultiSend(banktypes.NewInput(funderAddress, total), outputs)

	number, sequence, err := c.account(ctx, funderAddress)
	if err != nil {
		return nil, err
	}
	builder := c.txConfig.NewTxBuilder()
	if err := builder.SetMsgs(multiSend); err != nil {
		return nil, err
	}
	gas := uint64(100_000 + 30_000*c.opts.senders)
	builder.SetGasLimit(gas)
	builder.SetFeeAmount(fee(gas))
	factory := clienttx.Factory{}.WithKeybase(kr).WithTxConfig(c.txConfig).WithChainID(c.opts.chainID).
		WithAccountNumber(number).WithSequence(sequence).WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	if err := clienttx.Sign(ctx, factory, c.opts.funder, builder, true); err != nil {
		return nil, err
	}
	if err := c.broadcast(ctx, builder); err != nil {
		return nil, err
	}

	for _, s := range senders {
		for {
			number, _, err := c.account(ctx, s.address)
			if err == nil {
				s.number = number
				break
			}
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	return senders, nil
}

// sendLoad has every sender broadcast its share of transfers in sequence and
// measures from the first broadcast until the last transfer is committed.
func (c *loadClient) sendLoad(ctx context.Context, senders []*sender) error {
	perSender := c.opts.txs / len(senders)
	var rejected atomic.Int64
	var firstError atomic.Value
	start := time.Now()

	var wg sync.WaitGroup
	for i, s := range senders {
		wg.Add(1)
		go func(s *sender, recipient sdk.AccAddress) {
			defer wg.Done()
			for range perSender {
				builder, err := c.signedSend(ctx, s, recipient)
				if err == nil {
					err = c.broadcast(ctx, builder)
				}
				if err != nil {
					rejected.Add(1)
					firstError.CompareAndSwap(nil, err.Error())
					continue
				}
				s.sequence++
			}
		}(s, senders[(i+1)%len(senders)].address)
	}
	wg.Wait()
	broadcastDone := time.Since(start)

	accepted := int64(perSender*len(senders)) - rejected.Load()
	for _, s := range senders {
		for {
			_, sequence, err := c.account(ctx, s.address)
			if err == nil && sequence >= s.sequence {
				break
			}
			if ctx.Err() != nil {
				return fmt.Errorf("waiting for commits: %w", ctx.Err())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	elapsed := time.Since(start)

	fmt.Printf("accepted by CheckTx: %d, rejected: %d\n", accepted, rejected.Load())
	if msg := firstError.Load(); msg != nil {
		fmt.Printf("first rejection: %s\n", msg)
	}
	fmt.Printf("broadcast in %.1fs; all committed after %.1fs\n", broadcastDone.Seconds(), elapsed.Seconds())
	fmt.Printf("sustained throughput: %.0f tx/s\n", float64(accepted)/elapsed.Seconds())
	return nil
}

// signedSend builds and signs a 1 aopen transfer at the sender's next sequence.
func (c *loadClient) signedSend(ctx context.Context, s *sender, to sdk.AccAddress) (client.TxBuilder, error) {
	builder := c.txConfig.NewTxBuilder()
	if err := builder.SetMsgs(banktypes.NewMsgSend(s.address, to, sdk.NewCoins(sdk.NewInt64Coin(config.BaseDenom, 1)))); err != nil {
		return nil, err
	}
	builder.SetGasLimit(sendGas)
	builder.SetFeeAmount(fee(sendGas))

	signMode := signing.SignMode_SIGN_MODE_DIRECT
	// First attach an empty signature so the signed bytes carry the signer
	// info, then replace it with the real one.
	if err := builder.SetSignatures(signing.SignatureV2{
		PubKey: s.key.PubKey(), Data: &signing.SingleSignatureData{SignMode: signMode}, Sequence: s.sequence,
	}); err != nil {
		return nil, err
	}
	signerData := authsigning.SignerData{
		ChainID: c.opts.chainID, AccountNumber: s.number, Sequence: s.sequence,
		PubKey: s.key.PubKey(), Address: s.address.String(),
	}
	signature, err := clienttx.SignWithPrivKey(ctx, signMode, signerData, builder, s.key, c.txConfig, s.sequence)
	if err != nil {
		return nil, err
	}
	return builder, builder.SetSignatures(signature)
}

func (c *loadClient) broadcast(ctx context.Context, builder client.TxBuilder) error {
	bz, err := c.txConfig.TxEncoder()(builder.GetTx())
	if err != nil {
		return err
	}
	res, err := c.txs.BroadcastTx(ctx, &txtypes.BroadcastTxRequest{TxBytes: bz, Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC})
	if err != nil {
		return err
	}
	if res.TxResponse.Code != 0 {
		return fmt.Errorf("CheckTx code %d: %s", res.TxResponse.Code, res.TxResponse.RawLog)
	}
	return nil
}

func (c *loadClient) account(ctx context.Context, address sdk.AccAddress) (number, sequence uint64, err error) {
	res, err := c.auth.AccountInfo(ctx, &authtypes.QueryAccountInfoRequest{Address: address.String()})
	if err != nil {
		return 0, 0, err
	}
	return res.Info.AccountNumber, res.Info.Sequence, nil
}

func fee(gas uint64) sdk.Coins {
	return sdk.NewCoins(sdk.NewCoin(config.BaseDenom, math.NewIntFromUint64(gas).MulRaw(gasPrice)))
}
