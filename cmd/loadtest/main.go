// Command loadtest measures how many transactions per second a running
// OpenLedger node commits. It funds a set of fresh sender accounts from a dev
// key, then has every sender broadcast signed transactions over gRPC as fast
// as CheckTx accepts them, and reports the sustained rate at which they land
// in blocks.
//
//	go run ./cmd/loadtest -home .localnet -txs 5000 -senders 50
//	go run ./cmd/loadtest -home .localnet -workload contribute -txs 10000 -senders 100 -accept
//	go run ./cmd/loadtest -home .localnet -workload settle -batch 1000 -nodes 4 -rounds 10
//
// Workloads: "bank" sends 1 aopen transfers; "contribute" submits distinct
// 1 KiB inline contributions to a new Datanet owned by the funding key, and
// with -accept that key then accepts them all in review batches; "settle"
// has staked serving nodes settle batches of signed payment vouchers
// (MsgSettleBatch, see settle.go).
package main

import (
	"context"
	"crypto/sha256"
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
	"github.com/cosmos/cosmos-sdk/types/query"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
)

const (
	sendGas       = 150_000
	contributeGas = 300_000
	reviewGas     = 30_000_000
	// contributionSize is the size of each generated contribution: 1 KiB.
	contributionSize = 1024
	// gasPrice is ten times the genesis floor, so that the EIP-1559 base fee
	// can rise under load without rejecting the test's own transactions.
	gasPrice = 10_000_000_000
)

type options struct {
	workload string
	accept   bool
	home     string
	grpcAddr string
	chainID  string
	funder   string
	txs      int
	senders  int
	timeout  time.Duration
	settle   settleOptions
}

func main() {
	var opts options
	flag.StringVar(&opts.workload, "workload", "bank", "bank | contribute | settle")
	flag.BoolVar(&opts.accept, "accept", false, "contribute workload: accept every contribution afterwards and time it")
	flag.StringVar(&opts.home, "home", ".localnet", "node home holding the dev keyring (test backend)")
	flag.StringVar(&opts.grpcAddr, "grpc", "127.0.0.1:9090", "gRPC address of the node")
	flag.StringVar(&opts.chainID, "chain-id", config.LocalChainID, "Cosmos chain id")
	flag.StringVar(&opts.funder, "from", "treasury", "key in the keyring that funds the senders")
	flag.IntVar(&opts.txs, "txs", 5000, "total transfers to send")
	flag.IntVar(&opts.senders, "senders", 50, "concurrent sender accounts")
	flag.DurationVar(&opts.timeout, "timeout", 10*time.Minute, "give up after this long")
	opts.settle.register(flag.CommandLine)
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
	auth     authtypes.QueryClient
	txs      txtypes.ServiceClient
	datanets datanettypes.QueryClient
	conn     *grpc.ClientConn
	keyring  keyring.Keyring
	funder   sdk.AccAddress
	// datanetID is the Datanet the contribute workload submits to.
	datanetID uint64
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
	if opts.workload != "bank" && opts.workload != "contribute" && opts.workload != "settle" {
		return fmt.Errorf("unknown -workload %q: bank, contribute or settle", opts.workload)
	}
	sdkConfig := sdk.GetConfig()
	config.SetAddressConfig(sdkConfig)
	codecs := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.EmptyAppOptions{})

	conn, err := grpc.NewClient(opts.grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	c := &loadClient{
		opts: opts, txConfig: codecs.GetTxConfig(),
		auth: authtypes.NewQueryClient(conn), txs: txtypes.NewServiceClient(conn),
		datanets: datanettypes.NewQueryClient(conn), conn: conn,
	}
	ctx, cancel := context.WithTimeout(context.Background(), opts.timeout)
	defer cancel()

	c.keyring, err = keyring.New(config.AppName, keyring.BackendTest, opts.home, nil, codecs.AppCodec(), hd.EthSecp256k1Option())
	if err != nil {
		return err
	}
	record, err := c.keyring.Key(opts.funder)
	if err != nil {
		return fmt.Errorf("key %q in %s: %w", opts.funder, opts.home, err)
	}
	if c.funder, err = record.GetAddress(); err != nil {
		return err
	}
	if opts.workload == "settle" {
		return c.runSettle(ctx)
	}

	perSender, err := c.fundingPerSender(ctx)
	if err != nil {
		return err
	}
	senders, err := c.fundSenders(ctx, perSender)
	if err != nil {
		return fmt.Errorf("funding senders: %w", err)
	}
	if opts.workload == "contribute" {
		if c.datanetID, err = c.createDatanet(ctx); err != nil {
			return fmt.Errorf("creating the Datanet: %w", err)
		}
		fmt.Printf("created datanet %d\n", c.datanetID)
	}
	fmt.Printf("funded %d senders; sending %d %s transactions\n", len(senders), opts.txs/len(senders)*len(senders), opts.workload)
	if err := c.sendLoad(ctx, senders); err != nil {
		return err
	}
	if opts.workload == "contribute" && opts.accept {
		return c.acceptAll(ctx)
	}
	return nil
}

// fundingPerSender is what each sender needs: 10 OPEN for transfers; for
// contributions, every deposit and per-byte fee on top.
func (c *loadClient) fundingPerSender(ctx context.Context) (sdk.Coins, error) {
	funding := config.OPEN(10)
	if c.opts.workload == "contribute" {
		res, err := c.datanets.Params(ctx, &datanettypes.QueryParamsRequest{})
		if err != nil {
			return nil, fmt.Errorf("datanet params: %w", err)
		}
		each := res.Params.ContributionDeposit.Amount.Add(res.Params.FeePerByte.Amount.MulRaw(contributionSize))
		funding = funding.AddAmount(each.MulRaw(int64(c.opts.txs/c.opts.senders + 1)))
	}
	return sdk.NewCoins(funding), nil
}

// fundSenders creates fresh keys and funds them with one multi-send from the
// funder key, then reads back their account numbers.
func (c *loadClient) fundSenders(ctx context.Context, perSender sdk.Coins) ([]*sender, error) {
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
	multiSend := banktypes.NewMsgMultiSend(banktypes.NewInput(c.funder, total), outputs)
	if err := c.sendAsFunder(ctx, uint64(100_000+30_000*c.opts.senders), multiSend); err != nil {
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
				builder, err := c.signedLoadTx(ctx, s, recipient)
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
	fmt.Printf("sustained throughput: %.0f %s tx/s\n", float64(accepted)/elapsed.Seconds(), c.opts.workload)
	return nil
}

// signedLoadTx builds and signs the workload's next transaction at the
// sender's next sequence: a 1 aopen transfer to the recipient, or a 1 KiB
// contribution whose content is unique to the sender and sequence.
func (c *loadClient) signedLoadTx(ctx context.Context, s *sender, to sdk.AccAddress) (client.TxBuilder, error) {
	var msg sdk.Msg = banktypes.NewMsgSend(s.address, to, sdk.NewCoins(sdk.NewInt64Coin(config.BaseDenom, 1)))
	gas := uint64(sendGas)
	if c.opts.workload == "contribute" {
		content := contributionContent(s.address, s.sequence)
		hash := sha256.Sum256(content)
		msg = &datanettypes.MsgSubmitContribution{
			Contributor: s.address.String(), DatanetId: c.datanetID, ContentHash: hash[:],
			SizeBytes: uint64(len(content)), MediaType: "text/plain", InlineData: content,
		}
		gas = contributeGas
	}
	builder := c.txConfig.NewTxBuilder()
	if err := builder.SetMsgs(msg); err != nil {
		return nil, err
	}
	builder.SetGasLimit(gas)
	builder.SetFeeAmount(fee(gas))

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

// contributionContent is 1 KiB of text unique to a sender and sequence.
func contributionContent(address sdk.AccAddress, sequence uint64) []byte {
	content := []byte(fmt.Sprintf("contribution %d of %s: ", sequence, address))
	for i := 0; len(content) < contributionSize; i++ {
		content = append(content, "abcdefghijklmnopqrstuvwxyz "[i%27])
	}
	return content[:contributionSize]
}

// sendAsFunder signs msgs with the funding key, broadcasts them and waits
// until they are committed.
func (c *loadClient) sendAsFunder(ctx context.Context, gas uint64, msgs ...sdk.Msg) error {
	number, sequence, err := c.account(ctx, c.funder)
	if err != nil {
		return err
	}
	builder := c.txConfig.NewTxBuilder()
	if err := builder.SetMsgs(msgs...); err != nil {
		return err
	}
	builder.SetGasLimit(gas)
	builder.SetFeeAmount(fee(gas))
	factory := clienttx.Factory{}.WithKeybase(c.keyring).WithTxConfig(c.txConfig).WithChainID(c.opts.chainID).
		WithAccountNumber(number).WithSequence(sequence).WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	if err := clienttx.Sign(ctx, factory, c.opts.funder, builder, true); err != nil {
		return err
	}
	if err := c.broadcast(ctx, builder); err != nil {
		return err
	}
	for {
		if _, committed, err := c.account(ctx, c.funder); err == nil && committed > sequence {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// createDatanet creates the Datanet the contribute workload submits to and
// returns its id (the newest Datanet of the funding key).
func (c *loadClient) createDatanet(ctx context.Context) (uint64, error) {
	err := c.sendAsFunder(ctx, 500_000, &datanettypes.MsgCreateDatanet{
		Owner: c.funder.String(), Name: "load test", License: "CC0-1.0",
		Visibility: datanettypes.VISIBILITY_PUBLIC, CurationPolicy: datanettypes.CURATION_POLICY_OWNER_REVIEWS,
	})
	if err != nil {
		return 0, err
	}
	res, err := c.datanets.Datanets(ctx, &datanettypes.QueryDatanetsRequest{
		Owner: c.funder.String(), Pagination: &query.PageRequest{Reverse: true, Limit: 1},
	})
	if err != nil {
		return 0, err
	}
	if len(res.Datanets) == 0 {
		return 0, errors.New("the new Datanet is not listed")
	}
	return res.Datanets[0].Id, nil
}

// acceptAll accepts every pending contribution of the Datanet in review
// batches of the largest allowed size and reports how long it took.
func (c *loadClient) acceptAll(ctx context.Context) error {
	start := time.Now()
	accepted := 0
	for {
		res, err := c.datanets.ContributionsByDatanet(ctx, &datanettypes.QueryContributionsByDatanetRequest{
			DatanetId: c.datanetID, Status: datanettypes.CONTRIBUTION_STATUS_PENDING,
			Pagination: &query.PageRequest{Limit: datanettypes.MaxReviewBatch},
		})
		if err != nil {
			return err
		}
		if len(res.Contributions) == 0 {
			break
		}
		review := &datanettypes.MsgReviewContributions{Reviewer: c.funder.String(), DatanetId: c.datanetID}
		for _, contribution := range res.Contributions {
			review.Decisions = append(review.Decisions, datanettypes.ReviewDecision{ContributionId: contribution.Id, Accept: true, Reason: "load test"})
		}
		if err := c.sendAsFunder(ctx, reviewGas, review); err != nil {
			return fmt.Errorf("reviewing after %d accepted: %w", accepted, err)
		}
		accepted += len(review.Decisions)
	}
	fmt.Printf("accepted %d contributions of datanet %d in %.1fs\n", accepted, c.datanetID, time.Since(start).Seconds())
	return nil
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
